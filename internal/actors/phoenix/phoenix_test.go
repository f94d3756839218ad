package phoenix

import (
	"strings"
	"testing"
)

const sampleActors = `# header comment
UNITED_STATES_  [USA]
+AMERICAN_
+U.S.

BARACK_OBAMA
+PRESIDENT_OBAMA_
	[USAELI 780101-000101]
	[USAGOV >090120]
KOFI_ANNAN_
	[IGOUNO 970101-061231]
	[ELI]# IGOrulers.txt
HAMMARSKJOLD_	[IGOUNO 530410-610918] [ELI]# IGOrulers.txt
TYPO_ [~ENV}
IRAQ_
	[IRQ <20030320]
	[IRQ >20060520]
`

func TestParseActors(t *testing.T) {
	es, err := ParseActors(strings.NewReader(sampleActors), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 6 {
		t.Fatalf("got %d entries, want 6: %+v", len(es), es)
	}
	us := es[0]
	if us.Names[0] != "UNITED_STATES_" || len(us.Names) != 3 || us.Codes[0].Code != "USA" {
		t.Errorf("US: %+v", us)
	}
	ob := es[1]
	if len(ob.Codes) != 2 || ob.Codes[0] != (Code{"USAELI", "1978-01-01", "2000-01-01"}) || ob.Codes[1] != (Code{"USAGOV", "2009-01-20", ""}) {
		t.Errorf("Obama codes: %+v", ob.Codes)
	}
	if es[2].Comment != "IGOrulers.txt" || es[2].Codes[0].To != "2006-12-31" {
		t.Errorf("Annan: %+v", es[2])
	}
	if es[3].Names[0] != "HAMMARSKJOLD_" || len(es[3].Codes) != 2 || es[3].Codes[0].From != "1953-04-10" {
		t.Errorf("same-line codes: %+v", es[3])
	}
	if len(es[4].Codes) != 1 || es[4].Codes[0].Code != "~ENV" {
		t.Errorf("typo bracket: %+v", es[4])
	}
	if iq := es[5]; iq.Codes[0].To != "2003-03-20" || iq.Codes[1].From != "2006-05-20" {
		t.Errorf("8-digit dates: %+v", iq.Codes)
	}
	if _, err := ParseActors(strings.NewReader("+ALIAS_FIRST\n"), "bad"); err == nil || !strings.Contains(err.Error(), "bad:1") {
		t.Errorf("alias before entry: err = %v", err)
	}
}

func TestDate(t *testing.T) {
	for in, want := range map[string]string{
		"090120": "2009-01-20", "320101": "1932-01-01", "290101": "2029-01-01", "19060101": "1906-01-01",
		"2004017": "", "991399": "", "abc": "", "": "", "1920030320": "",
	} {
		if got := Date(in); got != want {
			t.Errorf("Date(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseAgents(t *testing.T) {
	in := `!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY
POLICE {} [~COP]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
DAIRY!PERSON! [~AGR]
!MINIST! OF_DEFENSE [~GOVMIL]
NO_CODE
`
	as, err := ParseAgents(strings.NewReader(in), "agents")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, a.Phrase+"="+a.Code+"+"+strings.Join(a.Plurals, ","))
	}
	want := "POLICE=COP+|CHAMBER_OF_COMMERCE=BUS+CHAMBERS_OF_COMMERCE|DAIRYMAN=AGR+|DAIRYWOMAN=AGR+|MINISTER OF_DEFENSE=GOVMIL+|MINISTRY OF_DEFENSE=GOVMIL+"
	if strings.Join(got, "|") != want {
		t.Errorf("agents:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

func FuzzParseActors(f *testing.F) {
	f.Add(sampleActors)
	f.Add("A [B 1-2] [C >3\n+D [E <990101]\n\t[F")
	f.Fuzz(func(t *testing.T, in string) {
		es, err := ParseActors(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, e := range es {
			if len(e.Names) == 0 || e.Line < 1 {
				t.Fatalf("entry without name or line: %+v", e)
			}
			for _, c := range e.Codes {
				for _, d := range []string{c.From, c.To} {
					if d != "" && len(d) != 10 {
						t.Fatalf("bad date %q", d)
					}
				}
			}
		}
	})
}

func FuzzParseAgents(f *testing.F) {
	f.Add("!P! = A, B\nX!P! {XS} [~GOV]\n")
	f.Add("!A! = !A!, !A!\n!A!!A!!A!!A!!A! [~X]\n")
	f.Fuzz(func(t *testing.T, in string) {
		as, err := ParseAgents(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		if len(as) > 1+len(in)*maxExpansions {
			t.Fatalf("%d agents from %d bytes", len(as), len(in))
		}
	})
}
