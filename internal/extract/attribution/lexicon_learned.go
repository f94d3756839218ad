package attribution

import "strings"

// learnedCues extend the cue lexicon with the verbs that PolNeAR's
// annotators mark as cues in at least 40% of their uses (at least four
// times) in its training split, less nouns, adjectives and verbs that are
// rarely speech; reproduce the list with
//
//	go run ./internal/extract/attribution/cmd/trainattrib --data ../shared/data --lexicon
//
// Words ending in -ing act as participles ("..., blasting the plan").
func init() {
	for _, w := range strings.Fields(`continued declined expressed pointed refused argue suggest denounced assured insist
		referred echoed acknowledge explain repeated challenged portrayed reminded requested
		sounded voiced decried encouraged express pressed railed announce emailed pleaded
		projected reads thanked answered hints indicate lamented reveal shouted applauded
		assailed chanted cites criticize declare forecast portray referenced refuses retweeted
		apologized attributed bemoaned blasts championed implied invoked likened predict warn
		wondered considers derided emphasize interjected lambasted lashed rebuked speculated
		yelled advocated articulated boasts cite complain conclude congratulated disavow
		documented hailed mused outlined proclaimed rebuffed rebut refers threaten vow`) {
		if _, ok := cueWords[w]; !ok {
			cueWords[w] = cueInfo{cueVerb, RelAssert}
		}
	}
	for _, w := range strings.Fields(`hoping promising questioning recalling tweeting denouncing stating acknowledging
		refusing highlighting predicting proposing repeating touting alleging dismissing
		reminding vowing believing blasting mentioning mocking pledging remarking slamming
		threatening asserting blaming detailing echoing emphasizing implying referencing
		thanking alluding chanting condemning expressing fearing portraying recognizing
		wondering`) {
		if _, ok := cueWords[w]; !ok {
			cueWords[w] = cueInfo{cueParticle, RelAssert}
		}
	}
}
