package load

import (
	"bytes"
	"reflect"
	"sync"
)

// Cache keeps decoded files between loads of the same data directory, for
// gen serve: a file whose bytes have not changed is not parsed again, so a
// rebuild after editing one question parses one file. Decoded values are
// shared between loads; nothing after loading modifies them.
type Cache struct {
	mu    sync.Mutex
	files map[string]cachedFile
}

type cachedFile struct {
	data  []byte
	r     decoded
	value reflect.Value // *dst as decoded
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]cachedFile{}} }

// lookup sets *dst from the cache and reports whether file's data was cached.
func (c *Cache) lookup(file string, data []byte, dst any) (decoded, bool) {
	if c == nil {
		return decoded{}, false
	}
	c.mu.Lock()
	f, ok := c.files[file]
	c.mu.Unlock()
	if !ok || !bytes.Equal(f.data, data) {
		return decoded{}, false
	}
	reflect.ValueOf(dst).Elem().Set(f.value)
	return f.r, true
}

func (c *Cache) store(file string, data []byte, r decoded, dst any) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[file] = cachedFile{data: data, r: r, value: reflect.ValueOf(dst).Elem()}
}
