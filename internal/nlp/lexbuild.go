package nlp

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// buildWordInfo derives word clusters and capitalisation statistics from
// unlabelled sentences. Clusters come from spherical k-means over each
// word's left and right neighbour counts, refined in three levels (32,
// 256 and 1,024 clusters), so that rare names share features with frequent
// words used the same way.
func buildWordInfo(sents [][]string, seed int64) map[uint64]wordInfo {
	type stat struct {
		n, capMid, mid int
	}
	freq := map[string]*stat{}
	for _, s := range sents {
		allCaps := isAllCapsSentence(s)
		for i, w := range s {
			lw := strings.ToLower(w)
			st := freq[lw]
			if st == nil {
				st = &stat{}
				freq[lw] = st
			}
			st.n++
			if i > 0 && !allCaps && isLetterStart(w) {
				st.mid++
				r, _ := utf8.DecodeRuneInString(w)
				if unicode.IsUpper(r) {
					st.capMid++
				}
			}
		}
	}
	// vocabulary: words seen 3 times or more, most frequent first
	var vocab []string
	for w, st := range freq {
		if st.n >= 3 {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]].n != freq[vocab[j]].n {
			return freq[vocab[i]].n > freq[vocab[j]].n
		}
		return vocab[i] < vocab[j]
	})
	if len(vocab) > 60000 {
		vocab = vocab[:60000]
	}
	id := make(map[string]int, len(vocab))
	for i, w := range vocab {
		id[w] = i
	}
	const ctx = 1500 // context words: the most frequent
	nctx := min(ctx, len(vocab))
	dims := 2*nctx + 2
	// sparse context vectors
	vecs := make([]map[int32]float32, len(vocab))
	for i := range vecs {
		vecs[i] = map[int32]float32{}
	}
	for _, s := range sents {
		for i, w := range s {
			wi, ok := id[strings.ToLower(w)]
			if !ok {
				continue
			}
			l, r := int32(2*nctx), int32(2*nctx+1)
			if i > 0 {
				if c, ok := id[strings.ToLower(s[i-1])]; ok && c < nctx {
					l = int32(c)
				}
			}
			if i+1 < len(s) {
				if c, ok := id[strings.ToLower(s[i+1])]; ok && c < nctx {
					r = int32(nctx + c)
				}
			}
			vecs[wi][l]++
			vecs[wi][r]++
		}
	}
	type sparse struct {
		idx []int32
		val []float32
	}
	xs := make([]sparse, len(vocab))
	for i, v := range vecs {
		var sp sparse
		keys := make([]int32, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		var norm float64
		for _, k := range keys {
			x := float32(math.Log1p(float64(v[k])))
			sp.idx = append(sp.idx, k)
			sp.val = append(sp.val, x)
			norm += float64(x) * float64(x)
		}
		inv := float32(1 / math.Sqrt(norm+1e-12))
		for j := range sp.val {
			sp.val[j] *= inv
		}
		xs[i] = sp
	}
	rng := rand.New(rand.NewSource(seed))
	// kmeans assigns members to k clusters, spherical, a few iterations
	kmeans := func(members []int, k int) []int {
		assign := make([]int, len(members))
		if len(members) <= k {
			for i := range assign {
				assign[i] = i
			}
			return assign
		}
		cent := make([][]float32, k)
		perm := rng.Perm(len(members))
		for c := 0; c < k; c++ {
			cent[c] = make([]float32, dims)
			x := xs[members[perm[c]]]
			for j, d := range x.idx {
				cent[c][d] = x.val[j]
			}
		}
		for iter := 0; iter < 8; iter++ {
			for mi, w := range members {
				x := xs[w]
				best, arg := float32(-2), 0
				for c := 0; c < k; c++ {
					var dot float32
					cc := cent[c]
					for j, d := range x.idx {
						dot += cc[d] * x.val[j]
					}
					if dot > best {
						best, arg = dot, c
					}
				}
				assign[mi] = arg
			}
			for c := range cent {
				clear(cent[c])
			}
			for mi, w := range members {
				x := xs[w]
				cc := cent[assign[mi]]
				for j, d := range x.idx {
					cc[d] += x.val[j]
				}
			}
			for c := range cent {
				var norm float64
				for _, v := range cent[c] {
					norm += float64(v) * float64(v)
				}
				if norm == 0 {
					continue
				}
				inv := float32(1 / math.Sqrt(norm))
				for d := range cent[c] {
					cent[c][d] *= inv
				}
			}
		}
		return assign
	}
	info := make(map[uint64]wordInfo, len(freq))
	all := make([]int, len(vocab))
	for i := range all {
		all[i] = i
	}
	levels := [3]int{32, 8, 4}
	var split func(members []int, level int, prefix int)
	split = func(members []int, level int, prefix int) {
		if level == 3 {
			return
		}
		assign := kmeans(members, levels[level])
		groups := make([][]int, levels[level])
		for mi, c := range assign {
			groups[c] = append(groups[c], members[mi])
		}
		for c, g := range groups {
			cid := prefix*levels[level] + c
			for _, w := range g {
				wi := info[lowerHash(vocab[w])]
				wi.cl[level] = uint16(cid + 1)
				info[lowerHash(vocab[w])] = wi
			}
			split(g, level+1, cid)
		}
	}
	split(all, 0, 0)
	for w, st := range freq {
		if st.mid < 2 {
			continue
		}
		r := float64(st.capMid) / float64(st.mid)
		var b uint8
		switch {
		case r < 0.1:
			b = 1
		case r < 0.5:
			b = 2
		case r < 0.9:
			b = 3
		default:
			b = 4
		}
		h := lowerHash(w)
		wi := info[h]
		wi.caps = b
		info[h] = wi
	}
	return info
}

func isAllCapsSentence(s []string) bool {
	letters := 0
	for _, w := range s {
		for i := 0; i < len(w); i++ {
			if w[i] >= 'a' && w[i] <= 'z' {
				return false
			}
			if w[i] >= 'A' && w[i] <= 'Z' {
				letters++
			}
		}
	}
	return letters >= 4
}

// gazetteerBuilder collects phrases with their sources.
type gazetteerBuilder struct {
	phrases map[uint64]uint16
	max     int
}

func (g *gazetteerBuilder) add(name string, src int) {
	name = strings.TrimSpace(name)
	if name == "" {
		return
	}
	toks := Tokenize(name)
	if len(toks) == 0 || len(toks) > 8 {
		return
	}
	if g.phrases == nil {
		g.phrases = map[uint64]uint16{}
	}
	h := uint64(fnvOffset)
	for i, t := range toks {
		h = phraseHash(h, t.Text)
		if i < len(toks)-1 {
			g.phrases[h] |= gazPrefix
		}
	}
	g.phrases[h] |= 1 << src
	if len(toks) > g.max {
		g.max = len(toks)
	}
}

// addWords adds a phrase given as tokens.
func (g *gazetteerBuilder) addWords(words []string, src int) {
	if len(words) == 0 || len(words) > 8 {
		return
	}
	if g.phrases == nil {
		g.phrases = map[uint64]uint16{}
	}
	h := uint64(fnvOffset)
	for i, w := range words {
		h = phraseHash(h, w)
		if i < len(words)-1 {
			g.phrases[h] |= gazPrefix
		}
	}
	g.phrases[h] |= 1 << src
	if len(words) > g.max {
		g.max = len(words)
	}
}

// loadGazetteers reads GeoNames and Phoenix lists under dataDir.
func loadGazetteers(dataDir string, g *gazetteerBuilder) error {
	gz := filepath.Join(dataDir, "gazetteer")
	// countries
	if err := eachLine(filepath.Join(gz, "countryInfo.txt"), func(line string) {
		if strings.HasPrefix(line, "#") {
			return
		}
		f := strings.Split(line, "\t")
		if len(f) > 5 {
			g.add(f[4], gazCountry)
			g.add(f[5], gazCity)
		}
	}); err != nil {
		return err
	}
	if err := eachLine(filepath.Join(gz, "admin1CodesASCII.txt"), func(line string) {
		f := strings.Split(line, "\t")
		if len(f) > 2 {
			g.add(f[1], gazAdmin1)
			g.add(f[2], gazAdmin1)
		}
	}); err != nil {
		return err
	}
	zr, err := zip.OpenReader(filepath.Join(gz, "cities15000.zip"))
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return fmt.Errorf("gazetteer: %w", err)
		}
		sc := bufio.NewScanner(rc)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) > 2 {
				g.add(f[1], gazCity)
				g.add(f[2], gazCity)
			}
		}
		rc.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("gazetteer: %s: %w", zf.Name, err)
		}
	}
	ph := filepath.Join(dataDir, "actors", "phoenix")
	if err := loadPhoenix(filepath.Join(ph, "Phoenix.Countries.actors.txt"), g, -1); err != nil {
		return err
	}
	if err := loadPhoenix(filepath.Join(ph, "Phoenix.MilNonState.actors.txt"), g, gazPhArmed); err != nil {
		return err
	}
	if err := loadPhoenix(filepath.Join(ph, "Phoenix.International.actors.txt"), g, gazPhIntl); err != nil {
		return err
	}
	for _, w := range norpWords {
		g.add(w, gazNORP)
	}
	for _, w := range armedGroups {
		g.add(w, gazPhArmed)
	}
	for _, w := range currentLeaders {
		g.add(w, gazPhPerson)
	}
	for _, w := range mediaOutlets {
		g.add(w, gazMedia)
	}
	for _, w := range weaponWords {
		g.add(w, gazWeapon)
	}
	return nil
}

// loadPhoenix reads a PETRARCH actor dictionary. With src < 0 an entry's
// source is decided by its codes: a bare country code is a country, dated
// role codes mark a person, anything else an organisation.
func loadPhoenix(path string, g *gazetteerBuilder, src int) error {
	var names []string
	var codes []string
	flush := func() {
		if len(names) == 0 {
			return
		}
		s := src
		if s < 0 {
			s = gazPhOrg
			for _, c := range codes {
				c = strings.Trim(c, "[] ")
				if len(c) == 3 {
					s = gazPhCountry
				}
				if strings.ContainsAny(c, "0123456789") {
					s = gazPhPerson
				}
			}
		}
		for _, n := range names {
			g.add(n, s)
		}
		names, codes = names[:0], codes[:0]
	}
	err := eachLine(path, func(line string) {
		if k := strings.Index(line, "#"); k >= 0 {
			line = line[:k]
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "!") {
			return
		}
		if strings.HasPrefix(trimmed, "[") {
			codes = append(codes, trimmed)
			return
		}
		syn := strings.HasPrefix(trimmed, "+")
		if !syn {
			flush()
		}
		name := strings.TrimPrefix(trimmed, "+")
		if k := strings.Index(name, "["); k >= 0 {
			codes = append(codes, name[k:])
			name = name[:k]
		}
		if k := strings.Index(name, "("); k >= 0 {
			name = name[:k]
		}
		name = strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
		if name != "" && !strings.Contains(name, "+") {
			names = append(names, name)
		}
	})
	flush()
	return err
}

func eachLine(path string, fn func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	return nil
}

// readVOA returns the texts of the Voice of America stories, for clusters.
func readVOA(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read voa: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		var rec struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		out = append(out, rec.Text)
	}
	return out, sc.Err()
}
