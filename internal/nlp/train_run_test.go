package nlp

import (
	"context"
	"os"
	"testing"
)

// TestTrainRun trains a model when SITREP_TRAIN is set (development aid).
func TestTrainRun(t *testing.T) {
	if os.Getenv("SITREP_TRAIN") == "" {
		t.Skip("set SITREP_TRAIN to train")
	}
	_, rep, err := Train(context.Background(), TrainOptions{DataDir: "/work/shared/data", Epochs: 12, Log: os.Stderr, Out: "/tmp/nertrain/ner.bin", NoStage2: os.Getenv("NOSTAGE2") != ""})
	if err != nil {
		t.Fatal(err)
	}
	rep.Dev.Write(os.Stderr)
}
