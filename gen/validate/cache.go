package validate

import (
	"bytes"
	"slices"
	"sync"

	"github.com/perfhandbook/handbook/gen/diag"
	"github.com/perfhandbook/handbook/gen/load"
)

// Cache keeps what loading a data directory found, between loads of it in
// gen serve: the decoded files, and what the text rules, which look at one
// file at a time, found in each. An edit then re-parses and re-checks only
// the edited file; the rules that span files run in full every time.
type Cache struct {
	files *load.Cache
	mu    sync.Mutex
	texts map[string]checkedText // by file
}

// checkedText is what the text rules found in a file with these bytes.
type checkedText struct {
	data     []byte
	problems diag.List
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: load.NewCache(), texts: map[string]checkedText{}} }

func (c *Cache) decoded() *load.Cache {
	if c == nil {
		return nil
	}
	return c.files
}

// textProblems returns what the text rules found in file when its bytes,
// data, were last checked.
func (c *Cache) textProblems(file string, data []byte) (diag.List, bool) {
	if c == nil || data == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.texts[file]
	if !ok || !bytes.Equal(t.data, data) {
		return nil, false
	}
	return slices.Clone(t.problems), true
}

func (c *Cache) rememberTextProblems(file string, data []byte, problems diag.List) {
	if c == nil || data == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.texts[file] = checkedText{data: data, problems: slices.Clone(problems)}
}
