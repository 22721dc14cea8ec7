//go:build !linux

package site

// exchange swaps two directories; without renameat2 it uses two renames.
func exchange(a, b string) error { return swapByRenames(a, b) }
