package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// BaseURL is the absolute URL the site is built for: override when it is
// set (gen build -base-url, gen serve's address), else config.toml's
// baseURL. It always ends in "/". The generator needs it before Hugo runs,
// for the permalinks in the JSON exports.
func BaseURL(root, override string) (string, error) {
	u := override
	if u == "" {
		b, err := os.ReadFile(filepath.Join(root, "config.toml"))
		if err != nil {
			return "", err
		}
		var conf struct {
			BaseURL string `toml:"baseURL"`
		}
		if err := toml.Unmarshal(b, &conf); err != nil {
			return "", fmt.Errorf("config.toml: %w", err)
		}
		u = conf.BaseURL
	}
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return "", fmt.Errorf("base URL %q must be an absolute http(s) URL (set baseURL in config.toml or pass -base-url)", u)
	}
	return strings.TrimSuffix(u, "/") + "/", nil
}
