package attribution

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sitrep-osint/sitrep/news"
)

// ErrNoData is returned by Evaluate when the data directory holds no
// PolNeAR split; callers skip the evaluation.
var ErrNoData = errors.New("no PolNeAR data")

// GoldArticle is one annotated article: its text and the gold spans, as
// byte offsets into Text.
type GoldArticle struct {
	Name    string
	Text    string
	Sources []news.Span
	Cues    []news.Span
	Content []news.Span
}

// LoadPolNeAR reads a PolNeAR split (dir/text/*.txt and
// dir/attributions/*.ann, brat standoff). PolNeAR offsets count characters;
// they are converted to byte offsets here. Discontinuous spans become their
// hull. Where several annotators annotated an article, the first annotation
// file (by name) is used.
func LoadPolNeAR(ctx context.Context, dir string) ([]GoldArticle, error) {
	all, err := loadPolNeAR(ctx, dir)
	if err != nil {
		return nil, err
	}
	out := make([]GoldArticle, len(all))
	for i, anns := range all {
		out[i] = anns[0]
	}
	return out, nil
}

// LoadPolNeARAnnotators reads the articles of a PolNeAR split that more than
// one annotator annotated: each element holds one article's annotations, in
// the order of their file names (the first being what LoadPolNeAR reads).
func LoadPolNeARAnnotators(ctx context.Context, dir string) ([][]GoldArticle, error) {
	all, err := loadPolNeAR(ctx, dir)
	if err != nil {
		return nil, err
	}
	var out [][]GoldArticle
	for _, anns := range all {
		if len(anns) > 1 {
			out = append(out, anns)
		}
	}
	return out, nil
}

// loadPolNeAR reads every annotation of a split, grouped by article.
func loadPolNeAR(ctx context.Context, dir string) ([][]GoldArticle, error) {
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("polnear %s: %w", dir, err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("polnear %s: %w", dir, ErrNoData)
	}
	sort.Strings(anns)
	index := map[string]int{}
	var out [][]GoldArticle
	for _, ann := range anns {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			base = base[:i] // the annotator's ID
		}
		i, seen := index[base]
		var text string
		if seen {
			text = out[i][0].Text
		} else {
			b, err := os.ReadFile(filepath.Join(dir, "text", base+".txt"))
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("polnear: %w", err)
			}
			text = string(b)
		}
		g := GoldArticle{Name: base, Text: text}
		if err := readAnn(ann, &g); err != nil {
			return nil, err
		}
		if seen {
			out[i] = append(out[i], g)
		} else {
			index[base] = len(out)
			out = append(out, []GoldArticle{g})
		}
	}
	return out, nil
}

// Agreement scores annotators against each other on the articles that
// several annotated: every annotation is scored as a prediction against
// every other annotation of the same article (all ordered pairs, so
// precision and recall are the same). It is the ceiling a system scored
// against one annotator can be expected to reach.
func Agreement(ctx context.Context, multi [][]GoldArticle) (Report, error) {
	var r Report
	for _, anns := range multi {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		for i, g := range anns {
			for j, o := range anns {
				if i == j {
					continue
				}
				r.Articles++
				r.Bytes += len(g.Text)
				r.PredAttributions += len(o.Cues)
				r.GoldTuples += len(g.Cues)
				r.addScores(g, [3][]news.Span{o.Sources, o.Cues, o.Content})
			}
		}
	}
	return r, nil
}

// EvaluateAll scores x against every annotation of the articles in multi,
// as Agreement scores the annotators: the system's figure to set beside
// theirs.
func EvaluateAll(ctx context.Context, x *Extractor, multi [][]GoldArticle) (Report, error) {
	var r Report
	for _, anns := range multi {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		attrs := x.Extract(anns[0].Text, time.Time{})
		pred := PredictedSpans(attrs)
		for _, g := range anns {
			r.Articles++
			r.Bytes += len(g.Text)
			r.PredAttributions += len(attrs)
			r.GoldTuples += len(g.Cues)
			r.addScores(g, pred)
		}
	}
	return r, nil
}

// readAnn reads the Source, Cue and Content spans of a brat file into g.
func readAnn(path string, g *GoldArticle) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("polnear: %w", err)
	}
	defer f.Close()
	// character offset -> byte offset
	byteAt := make([]int, 0, len(g.Text)+1)
	for i := range g.Text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(g.Text))
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) < 2 || !strings.HasPrefix(parts[0], "T") {
			continue
		}
		typ, offs, ok := strings.Cut(parts[1], " ")
		if !ok {
			continue
		}
		var dst *[]news.Span
		switch typ {
		case "Source":
			dst = &g.Sources
		case "Cue":
			dst = &g.Cues
		case "Content":
			dst = &g.Content
		default:
			continue
		}
		lo, hi := -1, -1
		for _, frag := range strings.Split(offs, ";") {
			a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
			s, err1 := strconv.Atoi(a)
			e, err2 := strconv.Atoi(b)
			if !ok || err1 != nil || err2 != nil || s < 0 || e < s || e >= len(byteAt) {
				return fmt.Errorf("polnear %s:%d: bad offsets %q", path, line, offs)
			}
			if lo < 0 || s < lo {
				lo = s
			}
			if e > hi {
				hi = e
			}
		}
		*dst = append(*dst, news.Span{Start: byteAt[lo], End: byteAt[hi]})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("polnear %s: %w", path, err)
	}
	return nil
}

// PRF holds precision, recall and F1 with the counts behind them.
type PRF struct {
	Pred, Gold, MatchP, MatchG int
}

// P returns precision.
func (s PRF) P() float64 { return ratio(s.MatchP, s.Pred) }

// R returns recall.
func (s PRF) R() float64 { return ratio(s.MatchG, s.Gold) }

// F1 returns the harmonic mean of P and R.
func (s PRF) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (s *PRF) add(o PRF) {
	s.Pred += o.Pred
	s.Gold += o.Gold
	s.MatchP += o.MatchP
	s.MatchG += o.MatchG
}

// Report is the result of an evaluation: exact and overlap scores for
// source, cue and content spans.
type Report struct {
	Articles                     int
	Exact, Overlap               [3]PRF // indexed by SpanSource, SpanCue, SpanContent
	Elapsed                      time.Duration
	Bytes                        int
	PredAttributions, GoldTuples int
}

// Span kinds in a Report.
const (
	SpanSource = iota
	SpanCue
	SpanContent
)

// SpanNames names the span kinds of a Report.
var SpanNames = [3]string{"source", "cue", "content"}

// Evaluate runs x over the articles and scores its spans against the gold.
func Evaluate(ctx context.Context, x *Extractor, gold []GoldArticle) (Report, error) {
	var r Report
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		t0 := time.Now()
		attrs := x.Extract(g.Text, time.Time{})
		r.Elapsed += time.Since(t0)
		r.Bytes += len(g.Text)
		r.Articles++
		r.PredAttributions += len(attrs)
		r.GoldTuples += len(g.Cues)
		r.addScores(g, PredictedSpans(attrs))
	}
	return r, nil
}

// addScores adds the scores of the predicted spans against g's.
func (r *Report) addScores(g GoldArticle, pred [3][]news.Span) {
	golds := [3][]news.Span{g.Sources, g.Cues, g.Content}
	for k := range 3 {
		r.Exact[k].add(score(g.Text, pred[k], golds[k], true))
		r.Overlap[k].add(score(g.Text, pred[k], golds[k], false))
	}
}

// PredictedSpans returns the distinct source, cue and content spans of
// attrs, as scored: the sources that share a cue count as one span (their
// hull, "A, B and C said"); caveats, which have no source in the text, and
// empty spans are left out.
func PredictedSpans(attrs []news.Attribution) [3][]news.Span {
	var out [3][]news.Span
	seen := [3]map[news.Span]bool{{}, {}, {}}
	srcByCue := map[news.Span]news.Span{}
	var cueOrder []news.Span
	put := func(k int, s news.Span) {
		if s.End <= s.Start || seen[k][s] {
			return
		}
		seen[k][s] = true
		out[k] = append(out[k], s)
	}
	for _, a := range attrs {
		if a.Relation == RelCaveat {
			continue
		}
		cue := news.Span{Start: a.Cue.Start, End: a.Cue.End}
		put(SpanCue, cue)
		put(SpanContent, news.Span{Start: a.Content.Start, End: a.Content.End})
		src := news.Span{Start: a.Source.Start, End: a.Source.End}
		if src.End <= src.Start {
			continue
		}
		if h, ok := srcByCue[cue]; ok {
			srcByCue[cue] = news.Span{Start: min(h.Start, src.Start), End: max(h.End, src.End)}
		} else {
			srcByCue[cue] = src
			cueOrder = append(cueOrder, cue)
		}
	}
	for _, c := range cueOrder {
		put(SpanSource, srcByCue[c])
	}
	return out
}

// score matches predicted to gold spans one to one, in order: exactly
// (same bytes once surrounding spaces and trailing punctuation are
// trimmed) or by overlap.
func score(text string, pred, gold []news.Span, exact bool) PRF {
	s := PRF{Pred: len(pred), Gold: len(gold)}
	used := make([]bool, len(gold))
	for _, p := range pred {
		pn := norm(text, p)
		for j, g := range gold {
			if used[j] {
				continue
			}
			ok := false
			if exact {
				ok = pn == norm(text, g)
			} else {
				ok = p.Overlaps(g)
			}
			if ok {
				used[j] = true
				s.MatchP++
				s.MatchG++
				break
			}
		}
	}
	return s
}

// norm trims white space and trailing punctuation off a span.
func norm(text string, s news.Span) news.Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:])
		if r != ' ' && r != '\n' && r != '\t' {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[:s.End])
		if !strings.ContainsRune(" \n\t.,;:", r) {
			break
		}
		s.End -= n
	}
	return s
}
