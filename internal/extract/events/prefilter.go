package events

// A sentence can only hold an event if one of its tokens is the first word
// of a trigger phrase. Most sentences of a news article hold none, so
// mayTrigger checks the raw text for such a word before the sentence is
// tokenised: it reads runs of ASCII letters, lower-cased, and looks each
// up in triggerPieces, which holds one letter run of every trigger's first
// word. A token equal to a trigger word contains all of that word's runs,
// so the check never skips a sentence the tokens would keep; it only
// passes some that the tokens then reject.

// triggerPieces holds, for every trigger's first word, its longest run of
// ASCII letters ("battle" for "gun-battle"). allPass is set when a trigger
// word has no ASCII letter, which the check cannot see.
var triggerPieces, allPass = func() (map[string]bool, bool) {
	m := map[string]bool{}
	for k := range triggers {
		best := ""
		for i := 0; i < len(k); {
			if !asciiLetter(k[i]) {
				i++
				continue
			}
			j := i
			for j < len(k) && asciiLetter(k[j]) {
				j++
			}
			if j-i > len(best) {
				best = k[i:j]
			}
			i = j
		}
		if best == "" {
			return nil, true
		}
		m[best] = true
	}
	return m, false
}()

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// maxPiece is the longest trigger piece; longer runs cannot match.
var maxPiece = func() int {
	n := 0
	for k := range triggerPieces {
		n = max(n, len(k))
	}
	return n
}()

// mayTrigger reports whether text may hold a trigger word.
func mayTrigger(text string) bool {
	if allPass {
		return true
	}
	var buf [32]byte
	for i := 0; i < len(text); {
		if !asciiLetter(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && asciiLetter(text[j]) {
			j++
		}
		if n := j - i; n <= maxPiece && n <= len(buf) {
			for k := 0; k < n; k++ {
				buf[k] = text[i+k] | 0x20
			}
			if triggerPieces[string(buf[:n])] {
				return true
			}
		}
		i = j
	}
	return false
}
