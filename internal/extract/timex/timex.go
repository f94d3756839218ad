// Package timex finds time expressions in news sentences and resolves them
// against the article's publication date, keeping their precision.
//
// News reports date events relative to the day they are published
// ("overnight", "on Monday", "last year", "this month"), so a date is only
// useful to an analyst once it is anchored. A news-specific rule layer
// handles what reporters write most; github.com/markusmobius/go-dateparser
// handles the remaining absolute forms ("3/4/2021", "the 5th of May").
package timex

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser"
	dpdate "github.com/markusmobius/go-dateparser/date"

	"github.com/sitrep-osint/sitrep/news"
)

// Mention is a time expression found in a sentence. Start and End are byte
// offsets into the article (the sentence's offset added).
type Mention struct {
	Text  string
	Start int
	End   int
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

var numWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"eighteen": 18, "twenty": 20, "thirty": 30,
}

func day(t time.Time) news.TimeRef {
	return news.TimeRef{Value: t.Format("2006-01-02"), Precision: news.DateDay}
}

func month(t time.Time) news.TimeRef {
	return news.TimeRef{Value: t.Format("2006-01"), Precision: news.DateMonth}
}

func year(y int) news.TimeRef {
	return news.TimeRef{Value: strconv.Itoa(y), Precision: news.DateYear}
}

func week(t time.Time) news.TimeRef {
	// Weeks are given by their Monday.
	off := (int(t.Weekday()) + 6) % 7
	return news.TimeRef{Value: t.AddDate(0, 0, -off).Format("2006-01-02"), Precision: news.DateWeek}
}

var (
	reISO       = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	reYear      = regexp.MustCompile(`^(?:(early|late|mid|the end of|the start of|the beginning of)[- ]?)?(\d{4})$`)
	reDecade    = regexp.MustCompile(`^(?:the )?(?:(?:early|late|mid)[- ])?(\d{3}0)s$`)
	reYearRange = regexp.MustCompile(`^(?:between |from )?(\d{4})\s*(?:[-–—/]|and|to|until)\s*(\d{4}|\d{2})$`)
	reRel       = regexp.MustCompile(`^(last|this|next|past|coming|previous|earlier this|later this|early this|late this|early last|late last|early next|late next|earlier last)\s+(week|weekend|month|year)$`)
	reWeekday   = regexp.MustCompile(`^(?:(last|this|next|past|coming|late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(night|morning|afternoon|evening))?$`)
	reMonthDay  = regexp.MustCompile(`^(?:(?:early|late|mid|the end of|the start of|the beginning of)[- ]?)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	reDayMonth  = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$`)
	reMonthYear = regexp.MustCompile(`^(?:(?:early|late|mid|the end of|the start of|the beginning of)[- ]?)?([a-z]+),?\s+(\d{4})$`)
	reMonth     = regexp.MustCompile(`^(?:(last|this|next|earlier this|later this)\s+)?(?:(?:early|late|mid|the end of|the start of|the beginning of)[- ]?)?([a-z]+)$`)
	reSpan      = regexp.MustCompile(`^(?:the\s+)?(?:(first|next|coming|past|last)\s+)?([a-z0-9]+)\s+(day|week|month|year)s?$`)
	reAgo       = regexp.MustCompile(`^([a-z0-9]+)\s+(day|week|month|year)s?\s+(ago|earlier|later)$`)
)

var preps = []string{"as of ", "starting ", "in ", "on ", "since ", "by ", "until ", "till ", "from ", "before ", "after ", "during ", "through ", "within ", "over ", "for "}

// Resolve resolves a time expression against published, the article's
// publication time. future says the clause is about the future ("will meet
// on Monday"), which picks the next Monday instead of the last; past is the
// default. It returns false when expr is not a time expression it can
// anchor.
//
// Rules, for a report published on Thursday 2025-07-17:
//   - "overnight", "today", "this morning": 2025-07-17 (the night into the
//     publication day), day precision; "last night", "yesterday": the day before;
//   - "on Monday": 2025-07-14, or 2025-07-21 when future; "last Thursday":
//     2025-07-10;
//   - "this month": 2025-07; "last year": 2024; "this week": the week's Monday;
//   - "in April": the most recent April not after publication (2025-04), or
//     the next one when future;
//   - "in late 2019": 2019; "2027–2028": 2027 to 2028; "since 2020": 2020 to
//     the publication year;
//   - "within six months": 2026-01, the target month;
//   - explicit dates ("July 16, 2025", "16 July", "2025-07-16") at their
//     written precision; a missing year is the nearest in the clause's tense.
func Resolve(expr string, published time.Time, future bool) (news.TimeRef, bool) {
	if published.IsZero() {
		published = time.Now().UTC()
	}
	orig := expr
	s := strings.ToLower(strings.Join(strings.Fields(expr), " "))
	s = strings.Trim(s, " ,.;:")
	if s == "" || strings.ContainsAny(s, "%$") {
		return news.TimeRef{}, false
	}
	prep := ""
	for _, p := range preps {
		if strings.HasPrefix(s, p) {
			prep = strings.TrimSpace(p)
			s = s[len(p):]
			break
		}
	}
	r, ok := resolve(s, prep, published, future)
	if !ok {
		r, ok = fallback(s, published, future)
	}
	if ok {
		r.Text = orig
		if prep == "since" && r.End == "" {
			r.End = published.Format("2006-01-02")[:len(r.Value)]
		}
	}
	return r, ok
}

func resolve(s, prep string, pub time.Time, future bool) (news.TimeRef, bool) {
	pubDay := time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	switch s {
	case "overnight", "today", "this morning", "this afternoon", "this evening", "earlier today", "tonight", "earlier on":
		return day(pubDay), true
	case "last night", "late last night", "yesterday", "the day before", "the previous day", "the prior day", "the previous night", "the prior night":
		return day(pubDay.AddDate(0, 0, -1)), true
	case "tomorrow":
		return day(pubDay.AddDate(0, 0, 1)), true
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return news.TimeRef{}, false
		}
		return day(t), true
	}
	if m := reYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[2])
		if y < 1800 || y > 2100 {
			return news.TimeRef{}, false
		}
		return year(y), true
	}
	if m := reDecade.FindStringSubmatch(s); m != nil {
		// "the 1990s": its ten years
		y, _ := strconv.Atoi(m[1])
		if y < 1800 || y > 2100 {
			return news.TimeRef{}, false
		}
		r := year(y)
		r.End = strconv.Itoa(y + 9)
		return r, true
	}
	if m := reYearRange.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if len(m[2]) == 2 {
			b = a/100*100 + b
		}
		if a < 1800 || a > 2100 || b < a || b-a > 100 {
			return news.TimeRef{}, false
		}
		r := year(a)
		r.End = strconv.Itoa(b)
		return r, true
	}
	if m := reRel.FindStringSubmatch(s); m != nil {
		shift := 0
		switch m[1] {
		case "last", "past", "previous", "early last", "late last", "earlier last":
			shift = -1
		case "next", "coming", "early next", "late next":
			shift = 1
		}
		switch m[2] {
		case "week", "weekend":
			return week(pubDay.AddDate(0, 0, 7*shift)), true
		case "month":
			first := time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)
			return month(first.AddDate(0, shift, 0)), true
		case "year":
			return year(pub.Year() + shift), true
		}
	}
	if m := reWeekday.FindStringSubmatch(s); m != nil {
		wd := weekdays[m[2]]
		diff := int(wd) - int(pubDay.Weekday())
		switch m[1] {
		case "last", "past":
			// The most recent such day strictly before publication.
			if diff >= 0 {
				diff -= 7
			}
		case "next", "coming":
			if diff <= 0 {
				diff += 7
			}
		default:
			if future {
				if diff < 0 {
					diff += 7
				}
			} else if diff > 0 {
				diff -= 7
			}
		}
		return day(pubDay.AddDate(0, 0, diff)), true
	}
	if m := reMonthDay.FindStringSubmatch(s); m != nil {
		if mo, ok := months[m[1]]; ok {
			d, _ := strconv.Atoi(m[2])
			return monthDay(mo, d, m[3], pubDay, future)
		}
	}
	if m := reDayMonth.FindStringSubmatch(s); m != nil {
		if mo, ok := months[m[2]]; ok {
			d, _ := strconv.Atoi(m[1])
			return monthDay(mo, d, m[3], pubDay, future)
		}
	}
	if m := reMonthYear.FindStringSubmatch(s); m != nil {
		if mo, ok := months[m[1]]; ok {
			y, _ := strconv.Atoi(m[2])
			return month(time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)), true
		}
	}
	if m := reMonth.FindStringSubmatch(s); m != nil {
		if mo, ok := months[m[2]]; ok && (len(m[2]) > 3 || m[2] == "may") {
			y := pub.Year()
			switch m[1] {
			case "last":
				if mo >= pub.Month() {
					y--
				}
			case "next":
				if mo <= pub.Month() {
					y++
				}
			case "this", "earlier this", "later this":
			default:
				if future || prep == "by" || prep == "until" {
					if mo < pub.Month() {
						y++
					}
				} else if mo > pub.Month() {
					y--
				}
			}
			return month(time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)), true
		}
	}
	if m := reAgo.FindStringSubmatch(s); m != nil {
		n, ok := number(m[1])
		if !ok {
			return news.TimeRef{}, false
		}
		if m[3] == "ago" || m[3] == "earlier" {
			n = -n
		}
		return shifted(pubDay, n, m[2]), true
	}
	if prep == "within" || prep == "in" || prep == "over" || prep == "for" {
		if m := reSpan.FindStringSubmatch(s); m != nil {
			n, ok := number(m[2])
			if !ok {
				return news.TimeRef{}, false
			}
			switch {
			case m[1] == "past" || m[1] == "last":
				// "over the past three years": from then until publication.
				r := shifted(pubDay, -n, m[3])
				r.End = shifted(pubDay, 0, m[3]).Value
				return r, true
			case prep == "for":
				return news.TimeRef{}, false
			}
			// A target: "within six months", "in two weeks".
			return shifted(pubDay, n, m[3]), true
		}
	}
	return news.TimeRef{}, false
}

func shifted(pub time.Time, n int, unit string) news.TimeRef {
	switch unit {
	case "day":
		return day(pub.AddDate(0, 0, n))
	case "week":
		return week(pub.AddDate(0, 0, 7*n))
	case "month":
		return month(time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0))
	default:
		return year(pub.Year() + n)
	}
}

func number(s string) (int, bool) {
	if n, ok := numWords[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || n > 1000 {
		return 0, false
	}
	return n, true
}

func monthDay(mo time.Month, d int, ys string, pub time.Time, future bool) (news.TimeRef, bool) {
	if d < 1 || d > 31 {
		return news.TimeRef{}, false
	}
	y := pub.Year()
	if ys != "" {
		y, _ = strconv.Atoi(ys)
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if t.Month() != mo {
		return news.TimeRef{}, false // 31 April
	}
	if ys == "" {
		if future && t.Before(pub.AddDate(0, 0, -7)) {
			t = t.AddDate(1, 0, 0)
		} else if !future && t.After(pub.AddDate(0, 0, 7)) {
			t = t.AddDate(-1, 0, 0)
		}
	}
	return day(t), true
}

// fallback asks go-dateparser about forms the rules do not cover.
func fallback(s string, pub time.Time, future bool) (news.TimeRef, bool) {
	if len(s) < 4 || len(s) > 40 {
		return news.TimeRef{}, false
	}
	hasDigit := false
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			hasDigit = true
			break
		}
	}
	if !hasDigit {
		// Without a digit the rules above have seen every form worth
		// reading; go-dateparser would read words like "second" as dates.
		return news.TimeRef{}, false
	}
	src := dateparser.Past
	if future {
		src = dateparser.Future
	}
	cfg := &dateparser.Configuration{
		Languages:           []string{"en"},
		CurrentTime:         pub,
		PreferredDateSource: src,
		DateOrder:           dateparser.MDY,
		StrictParsing:       false,
	}
	d, err := dateparser.Parse(cfg, s)
	if err != nil || d.IsZero() {
		return news.TimeRef{}, false
	}
	if y := d.Time.Year(); y < 1800 || y > 2100 {
		return news.TimeRef{}, false
	}
	switch d.Period {
	case dpdate.Year:
		return year(d.Time.Year()), true
	case dpdate.Month:
		return month(d.Time), true
	default:
		return day(d.Time), true
	}
}
