package main

import (
	"errors"
	"io"
)

func runServe(root string, args []string, stdout, stderr io.Writer) error  { return errors.New("not yet") }
func runSchema(root string, args []string, stdout, stderr io.Writer) error { return errors.New("not yet") }
