package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/sitrep-osint/sitrep/news"
)

var thu = time.Date(2025, 7, 17, 9, 30, 0, 0, time.UTC) // a Thursday
var fri = time.Date(2021, 5, 21, 0, 0, 0, 0, time.UTC)  // a Friday

func TestResolve(t *testing.T) {
	tests := []struct {
		expr   string
		pub    time.Time
		future bool
		value  string
		prec   string
		end    string
	}{
		{"overnight", thu, false, "2025-07-17", news.DateDay, ""},
		{"last night", thu, false, "2025-07-16", news.DateDay, ""},
		{"late Wednesday", thu, false, "2025-07-16", news.DateDay, ""},
		{"yesterday", thu, false, "2025-07-16", news.DateDay, ""},
		{"the previous day", thu, false, "2025-07-16", news.DateDay, ""},
		{"Thursday", thu, false, "2025-07-17", news.DateDay, ""},
		{"on Monday", thu, false, "2025-07-14", news.DateDay, ""},
		{"on Monday", thu, true, "2025-07-21", news.DateDay, ""},
		{"Monday night", thu, false, "2025-07-14", news.DateDay, ""},
		{"last Thursday", thu, false, "2025-07-10", news.DateDay, ""},
		{"next Tuesday", thu, false, "2025-07-22", news.DateDay, ""},
		{"on Wednesday", thu, false, "2025-07-16", news.DateDay, ""},
		{"last year", fri, false, "2020", news.DateYear, ""},
		{"Last year", fri, false, "2020", news.DateYear, ""},
		{"next year", thu, true, "2026", news.DateYear, ""},
		{"this month", fri, false, "2021-05", news.DateMonth, ""},
		{"earlier this month", thu, false, "2025-07", news.DateMonth, ""},
		{"last month", thu, false, "2025-06", news.DateMonth, ""},
		{"this week", thu, false, "2025-07-14", news.DateWeek, ""},
		{"last week", thu, false, "2025-07-07", news.DateWeek, ""},
		{"in April", fri, false, "2021-04", news.DateMonth, ""},
		{"in January", fri, false, "2021-01", news.DateMonth, ""},
		{"in June", fri, false, "2020-06", news.DateMonth, ""},
		{"in June", fri, true, "2021-06", news.DateMonth, ""},
		{"in May", fri, false, "2021-05", news.DateMonth, ""},
		{"last May", thu, false, "2025-05", news.DateMonth, ""},
		{"last July", thu, false, "2024-07", news.DateMonth, ""},
		{"mid-April", thu, false, "2025-04", news.DateMonth, ""},
		{"in late 2019", fri, false, "2019", news.DateYear, ""},
		{"in 2020", fri, false, "2020", news.DateYear, ""},
		{"in 2022", thu, false, "2022", news.DateYear, ""},
		{"2027–2028", thu, false, "2027", news.DateYear, "2028"},
		{"in the 1860s", thu, false, "1860", news.DateYear, "1869"},
		{"in the late 1990s", thu, false, "1990", news.DateYear, "1999"},
		{"2005-2007", fri, false, "2005", news.DateYear, "2007"},
		{"2005-07", fri, false, "2005", news.DateYear, "2007"},
		{"between 2014 and 2016", thu, false, "2014", news.DateYear, "2016"},
		{"since 2020", thu, false, "2020", news.DateYear, "2025"},
		{"within six months", thu, true, "2026-01", news.DateMonth, ""},
		{"within the first six months", thu, true, "2026-01", news.DateMonth, ""},
		{"in two weeks", thu, true, "2025-07-28", news.DateWeek, ""},
		{"three days ago", thu, false, "2025-07-14", news.DateDay, ""},
		{"over the past three years", thu, false, "2022", news.DateYear, "2025"},
		{"July 16, 2025", thu, false, "2025-07-16", news.DateDay, ""},
		{"16 July 2025", thu, false, "2025-07-16", news.DateDay, ""},
		{"on July 16", thu, false, "2025-07-16", news.DateDay, ""},
		{"December 3", thu, false, "2024-12-03", news.DateDay, ""},
		{"December 3", thu, true, "2025-12-03", news.DateDay, ""},
		{"2025-07-16", thu, false, "2025-07-16", news.DateDay, ""},
		{"March 2022", thu, false, "2022-03", news.DateMonth, ""},
		{"late May 2019", thu, false, "2019-05", news.DateMonth, ""},
		{"3/4/2021", thu, false, "2021-03-04", news.DateDay, ""},
	}
	for _, tc := range tests {
		got, ok := Resolve(tc.expr, tc.pub, tc.future)
		if !ok {
			t.Errorf("Resolve(%q, future=%v): not resolved", tc.expr, tc.future)
			continue
		}
		if got.Value != tc.value || got.Precision != tc.prec || got.End != tc.end {
			t.Errorf("Resolve(%q, future=%v) = %s/%s end %q, want %s/%s end %q",
				tc.expr, tc.future, got.Value, got.Precision, got.End, tc.value, tc.prec, tc.end)
		}
		if got.Text != tc.expr {
			t.Errorf("Resolve(%q).Text = %q", tc.expr, got.Text)
		}
	}
}

func TestResolveRejects(t *testing.T) {
	for _, expr := range []string{"3.2%", "", "banana", "$2019", "for several months", "second", "40%", "31 April"} {
		if got, ok := Resolve(expr, thu, false); ok {
			t.Errorf("Resolve(%q) = %+v, want no date", expr, got)
		}
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		sent string
		want []string
	}{
		{"Russian air defenses shot down 122 Ukrainian drones overnight, the ministry said Thursday.",
			[]string{"overnight", "Thursday"}},
		{"He will chair a meeting of Ukraine's allies on Monday to discuss weapons plans.",
			[]string{"on Monday"}},
		{"Delivery was scheduled to begin in 2027 and be completed in 2028.",
			[]string{"in 2027", "in 2028"}},
		{"Inflation rose 3.2% in 2020, and 2020 people fled.",
			[]string{"in 2020"}},
		{"Fighters travelled to Lebanon over several months in 2020.",
			[]string{"in 2020"}},
		{"Protests against Iranian influence in late 2019 forced a change.",
			[]string{"in late 2019"}},
		{"at the height of the US occupation of Iraq in 2005-2007, Tehran created cells",
			[]string{"in 2005-2007"}},
		{"Attacks at Ain al-Asad this month, Erbil airport in April and Saudi Arabia in January.",
			[]string{"this month", "in April", "in January"}},
		{"Zelensky said late Wednesday that they may reach 50% within the first six months.",
			[]string{"late Wednesday", "within the first six months"}},
		{"It may rain. Deliveries worth $2019 million.", nil},
		{"The talks took place on July 16, 2025 in Istanbul.", []string{"on July 16, 2025"}},
		{"Officials raised the death toll from the previous day's multiple blasts.", []string{"from the previous day"}},
		{"Kansala had a spectacular end in the 1860s, when the town was sieged.", []string{"in the 1860s"}},
		{"The 1990s were hard; 1990s-era rifles and 20s remain.", []string{"The 1990s", "1990s"}},
		{"Nothing to see here.", nil},
	}
	for _, tc := range tests {
		got := Find(tc.sent, 100)
		var texts []string
		for _, m := range got {
			texts = append(texts, m.Text)
			if tc.sent[m.Start-100:m.End-100] != m.Text {
				t.Errorf("Find(%q): offsets %d-%d do not cover %q", tc.sent, m.Start, m.End, m.Text)
			}
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Find(%q) = %q, want %q", tc.sent, texts, tc.want)
		}
		for _, m := range got {
			if _, ok := Resolve(m.Text, thu, false); !ok {
				t.Errorf("Find(%q) found %q that Resolve cannot anchor", tc.sent, m.Text)
			}
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"overnight", "on Monday", "2027–2028", "in late 2019", "3.2%", "within six months", "July 16, 2025", "31 April", "in the late 1990s", "the 0000s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, ok := Resolve(s, thu, false)
		if ok && (r.Value == "" || r.Precision == "") {
			t.Fatalf("Resolve(%q) = %+v: empty value or precision", s, r)
		}
		for _, m := range Find(s, 0) {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End || s[m.Start:m.End] != m.Text {
				t.Fatalf("Find(%q): bad mention %+v", s, m)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	s := "Meanwhile, Russia attacked Ukraine with 64 Shahed and decoy drones overnight, killing at least one person, the Ukrainian air force reported on Thursday."
	for b.Loop() {
		Find(s, 0)
	}
}
