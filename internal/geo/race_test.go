package geo

import (
	"context"
	"sync"
	"testing"
)

// TestStageConcurrent runs the stage on many articles at once; with -race
// it checks that a shared gazetteer is only read.
func TestStageConcurrent(t *testing.T) {
	s := NewStage(gazetteer(t))
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				a := benchArticle()
				if err := s.Process(context.Background(), a); err != nil {
					t.Error(err)
					return
				}
				if len(a.Focus) == 0 || a.Events[0].Place.Country != "UA" {
					t.Errorf("focus %v, place %+v", a.Focus, a.Events[0].Place)
					return
				}
			}
		}()
	}
	wg.Wait()
}
