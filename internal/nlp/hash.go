package nlp

// Feature hashing. Features are never built as strings: each is a 64-bit
// FNV-1a hash over a template id and the bytes it looks at, or a mix of
// per-token hashes computed once, reduced to a row of the weight table.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString continues an FNV-1a hash over s.
func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashLower continues an FNV-1a hash over s with ASCII letters lowered.
func hashLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashByte continues an FNV-1a hash with one byte.
func hashByte(h uint64, c byte) uint64 {
	h ^= uint64(c)
	return h * fnvPrime
}

// mix combines two hashes (splitmix64 finaliser over a*K+b).
func mix(a, b uint64) uint64 {
	x := a*0x9e3779b97f4a7c15 + b
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// lowerHash is the hash sitrep uses to key per-word tables (clusters,
// capitalisation statistics, gazetteer phrases): FNV-1a of the lowered word.
func lowerHash(s string) uint64 { return hashLower(fnvOffset, s) }
