//go:build !unix

package site

// Lock is a no-op where flock is unavailable; concurrent builds are not
// detected there.
func Lock(root string) (unlock func(), err error) { return func() {}, nil }
