package nlp

import "testing"

func TestRuleTypes(t *testing.T) {
	m := loadTestModel(t)
	tests := []struct{ text, ent, typ string }{
		{"Russia fired 40 Iskander-M missiles at Kharkiv.", "Iskander-M missiles", "WEAPON"},
		{"The US sent HIMARS to Ukraine.", "HIMARS", "WEAPON"},
		{"Militants fired Katyusha rockets at the base.", "Katyusha rockets", "WEAPON"},
		{"Iran supplied ballistic missiles to Russia.", "ballistic missiles", "WEAPON"},
		{"The Shahed-136 drones came from the south.", "Shahed-136 drones", "WEAPON"},
		{"Drones hit Ain al-Asad air base in Anbar.", "Ain al-Asad air base", "FAC"},
		{"Flights resumed at Erbil International Airport on Friday.", "Erbil International Airport", "FAC"},
		{"Shelling hit Kharkiv and Odesa.", "Kharkiv", "GPE"},
		{"Iranian advisers trained the fighters.", "Iranian", "NORP"},
		{"Shiite militias rallied in Baghdad.", "Shiite", "NORP"},
		{"The pro-Iran factions deny it.", "pro-Iran", "NORP"},
		{"At least 250 fighters travelled to Lebanon.", "At least 250 fighters", "QUANTITY"},
		{"Ukraine makes almost 40% of its weapons.", "almost 40%", "QUANTITY"},
		{"Russia returned 1,000 bodies.", "1,000 bodies", "QUANTITY"},
		{"Switzerland ordered five Patriot systems.", "five Patriot systems", "QUANTITY"},
		{"The deal is worth $1.2 billion.", "$1.2 billion", "QUANTITY"},
		{"Deliveries were due in 2027-2028.", "in 2027-2028", "DATE"},
		{"They attacked overnight.", "overnight", "DATE"},
		{"Ministers meet on Monday.", "on Monday", "DATE"},
		{"He was killed last year.", "last year", "DATE"},
		{"Protests began in late 2019.", "in late 2019", "DATE"},
		{"The talks ended on July 17, 2025 in Geneva.", "on July 17, 2025", "DATE"},
		{"Fighting resumed in mid-July.", "in mid-July", "DATE"},
		{"The attack began at 2 a.m. on Friday.", "2 a.m.", "DATE"},
		{"Sirens sounded at 10:30 p.m.", "10:30 p.m.", "DATE"},
		{"President Volodymyr Zelensky spoke.", "Volodymyr Zelensky", "PER"},
		{"He told The Associated Press Thursday that it was true.", "The Associated Press", "ORG"},
	}
	for _, tt := range tests {
		found := ""
		for _, e := range m.Entities(tt.text) {
			if e.Text == tt.ent {
				found = e.Type
				if e.Type == tt.typ {
					break
				}
			}
		}
		if found != tt.typ {
			t.Errorf("%q: %q typed %q, want %s (all: %v)", tt.text, tt.ent, found, tt.typ, m.Entities(tt.text))
		}
	}
	// not quantities or dates
	for _, text := range []string{"One of the commanders said so.", "He lives at No. 10 Downing Street.", "You may go now."} {
		for _, e := range m.Entities(text) {
			if e.Type == "QUANTITY" || e.Type == "DATE" {
				t.Errorf("%q: unexpected %s %q", text, e.Type, e.Text)
			}
		}
	}
}
