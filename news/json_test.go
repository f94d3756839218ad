package news

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestArticleJSONContract(t *testing.T) {
	b, err := json.Marshal(Article{ID: "x", Text: "t"})
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{`"id":"x"`, `"published":null`, `"entities":[]`, `"events":[]`, `"attributions":[]`, `"title":""`, `"url":""`, `"source":""`, `"language":""`, `"text":"t"`} {
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks %s", got, want)
		}
	}
	a := Article{ID: "y", Published: time.Date(2025, 7, 17, 9, 30, 0, 0, time.FixedZone("EEST", 3*3600)),
		Events: []Event{{Type: "Battles", Subtype: "Armed clash", Quantities: map[string]float64{"killed": 1}}}}
	b, _ = json.Marshal(a)
	if !strings.Contains(string(b), `"published":"2025-07-17T06:30:00Z"`) {
		t.Fatalf("published not UTC RFC 3339: %s", b)
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Published.Equal(a.Published) || back.ID != "y" || !reflect.DeepEqual(back.Events, a.Events) {
		t.Fatalf("round trip lost data: %+v", back)
	}
}

func TestIsParty(t *testing.T) {
	for _, tc := range []struct {
		a    *ActorRef
		want bool
	}{
		{nil, false},
		{&ActorRef{Name: "Military Forces of Russia", Kind: KindStateForces, Country: "RU"}, true},
		{&ActorRef{Name: "Hezbollah", Kind: KindPolMilitia}, true},
		{&ActorRef{Name: "Volodymyr Zelensky", Kind: KindPerson, Country: "UA"}, true},
		{&ActorRef{Name: "a resident", Kind: KindPerson}, false},
		{&ActorRef{Name: "Reuters", Kind: KindMedia}, false},
		{&ActorRef{Name: "United Nations", Kind: KindIntlOrg}, false},
	} {
		if got := tc.a.IsParty(); got != tc.want {
			t.Errorf("%v: IsParty = %v", tc.a, got)
		}
	}
}
