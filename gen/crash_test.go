package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/perfhandbook/handbook/gen/stage"
)

// genBinary builds the gen command once for the tests that run it as a
// separate process, so that it can be killed.
var genBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "gen-bin-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "gen")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// binDir is removed by TestMain once every test has run.
var binDir string

func genBin(t *testing.T) string {
	t.Helper()
	bin, err := genBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// process is a gen build running as a child process.
type process struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string
	stderr strings.Builder
	mu     sync.Mutex
	done   chan error
}

// startBuild starts "gen build -draft" in dir, paused at pauseAt if it is set.
func startBuild(t *testing.T, dir, pauseAt string) *process {
	t.Helper()
	p := &process{cmd: exec.Command(genBin(t), "-C", dir, "build", "-draft"), lines: make(chan string, 100), done: make(chan error, 1)}
	p.cmd.Env = append(os.Environ(), stage.EnvVar+"="+pauseAt)
	p.stdin, _ = p.cmd.StdinPipe()
	errPipe, _ := p.cmd.StderrPipe()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(errPipe)
		for sc.Scan() {
			p.mu.Lock()
			p.stderr.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			select {
			case p.lines <- sc.Text():
			default:
			}
		}
		p.done <- p.cmd.Wait()
	}()
	t.Cleanup(func() { p.cmd.Process.Kill() })
	return p
}

// waitPaused waits until the build reports that it paused at s.
func (p *process) waitPaused(t *testing.T, s string) {
	t.Helper()
	timeout := time.After(5 * time.Minute)
	for {
		select {
		case l := <-p.lines:
			if l == "gen: paused at "+s {
				return
			}
		case err := <-p.done:
			t.Fatalf("build ended (%v) before pausing at %s:\n%s", err, s, p.output())
		case <-timeout:
			t.Fatalf("build did not pause at %s:\n%s", s, p.output())
		}
	}
}

// kill sends SIGKILL, unless the build has already finished, and waits
// for the process to be gone.
func (p *process) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatal(err)
	}
	<-p.done
}

func (p *process) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

// siteVersions keeps two versions of PE-001 and the site each builds to.
type siteVersions struct {
	dir   string
	file  string
	data  [2][]byte
	hash  [2]string
	build func() // an uninterrupted build
}

func newSiteVersions(t *testing.T) *siteVersions {
	dir := newProject(t, "PE-001")
	v := &siteVersions{dir: dir, file: filepath.Join(dir, "data/questions/PE-001.yaml")}
	v.data[0], _ = os.ReadFile(v.file)
	v.data[1] = []byte(strings.Replace(string(v.data[0]), "\ntitle: ", "\ntitle: Revised. ", 1))
	v.build = func() {
		t.Helper()
		if code, _, stderr := gen(t, "-C", dir, "build", "-draft"); code != 0 {
			t.Fatalf("build failed:\n%s", stderr)
		}
	}
	for _, i := range []int{0, 1, 0} {
		v.use(t, i)
		v.build()
		h := treeHash(t, v.public())
		if v.hash[i] != "" && v.hash[i] != h {
			t.Fatal("two builds of the same data differ; the crash test needs reproducible builds")
		}
		v.hash[i] = h
	}
	if v.hash[0] == v.hash[1] {
		t.Fatal("the two versions build the same site")
	}
	return v
}

func (v *siteVersions) use(t *testing.T, i int) {
	if err := os.WriteFile(v.file, v.data[i], 0o644); err != nil {
		t.Fatal(err)
	}
}

func (v *siteVersions) public() string { return filepath.Join(v.dir, "public") }

// leftovers lists what killed builds left in the work directory.
func leftovers(t *testing.T, dir string) []string {
	entries, _ := os.ReadDir(filepath.Join(dir, ".build"))
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "staging-") || strings.HasPrefix(e.Name(), "previous-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// A build killed with SIGKILL at any stage leaves public/ byte for byte the
// previous complete site, or, once the swap is done, the new one; the next
// build removes what the killed one left and publishes.
func TestKilledBuildLeavesACompleteSite(t *testing.T) {
	v := newSiteVersions(t)
	published := 0
	for _, s := range stage.All {
		t.Run("killed when "+s, func(t *testing.T) {
			next := 1 - published
			v.use(t, next)
			p := startBuild(t, v.dir, s)
			p.waitPaused(t, s)
			p.kill(t)
			want := v.hash[published]
			if s == stage.Swapped {
				want = v.hash[next]
			}
			if treeHash(t, v.public()) != want {
				t.Fatalf("public/ is not the complete %s site after a kill when %s", map[bool]string{true: "new", false: "previous"}[want == v.hash[next]], s)
			}
			if s != stage.Locked && s != stage.Generated && len(leftovers(t, v.dir)) == 0 {
				t.Fatal("the killed build left no staging directory; the cleanup below proves nothing")
			}
			v.build()
			if treeHash(t, v.public()) != v.hash[next] {
				t.Fatal("the next build did not publish the new site")
			}
			if l := leftovers(t, v.dir); len(l) > 0 {
				t.Fatalf("the next build left %v behind", l)
			}
			published = next
		})
	}
	// And at moments nobody chose, spread over an uninterrupted build.
	published = 1 - published
	v.use(t, published)
	start := time.Now()
	if err := <-startBuild(t, v.dir, "").done; err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	for _, part := range []float64{0.2, 0.4, 0.6, 0.8, 0.95} {
		after := time.Duration(part * float64(took))
		t.Run(fmt.Sprintf("killed after %v", after.Round(time.Millisecond)), func(t *testing.T) {
			next := 1 - published
			v.use(t, next)
			p := startBuild(t, v.dir, "")
			time.Sleep(after)
			p.kill(t)
			if h := treeHash(t, v.public()); h != v.hash[published] && h != v.hash[next] {
				t.Fatal("public/ is neither the previous nor the new complete site")
			}
			v.build()
			if treeHash(t, v.public()) != v.hash[next] || len(leftovers(t, v.dir)) > 0 {
				t.Fatal("the next build did not clean up and publish")
			}
			published = next
		})
	}
}

// A second build started while one runs fails at once, naming the lock and
// the process holding it, and the first build finishes unharmed.
func TestConcurrentBuildFailsFast(t *testing.T) {
	v := newSiteVersions(t)
	v.use(t, 1)
	first := startBuild(t, v.dir, stage.Generated)
	first.waitPaused(t, stage.Generated)

	start := time.Now()
	out, err := exec.Command(genBin(t), "-C", v.dir, "build", "-draft").CombinedOutput()
	if err == nil {
		t.Fatalf("the second build succeeded while the first held the lock:\n%s", out)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the second build took %v to give up", d)
	}
	lock := filepath.Join(v.dir, ".build", "lock")
	want := fmt.Sprintf("another build holds the build lock %s (process %d)", lock, first.cmd.Process.Pid)
	if !strings.Contains(string(out), want) {
		t.Errorf("message lacks %q:\n%s", want, out)
	}

	first.stdin.Write([]byte("go on\n"))
	if err := <-first.done; err != nil {
		t.Fatalf("the first build failed after the second tried: %v\n%s", err, first.output())
	}
	if treeHash(t, v.public()) != v.hash[1] {
		t.Fatal("the first build did not publish its complete site")
	}
}
