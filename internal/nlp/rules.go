package nlp

// ruleSet is the layer over the statistical model that adds and refines
// the types event extraction needs; built once per model.
type ruleSet struct{}

func newRuleSet() *ruleSet { return &ruleSet{} }
