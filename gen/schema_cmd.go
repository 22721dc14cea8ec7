package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/perfhandbook/handbook/gen/schema"
)

// SchemaDir holds the generated JSON Schemas the data files point at.
const SchemaDir = "schema"

func runSchema(root string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("schema", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errReported
	}
	dir := filepath.Join(root, SchemaDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range schema.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), schema.Generate(f), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s/%s\n", SchemaDir, f.Name)
	}
	return nil
}
