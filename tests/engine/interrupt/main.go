// Command interrupt runs a command against the Docker Engine through a counting proxy and sends
// it SIGINT once the Nth Engine API call has been answered: the engine tests use it to interrupt
// `stackc apply` at exact points of its plan rather than after a guessed delay.
//
//	interrupt -after 7 -log calls.txt -- stackc -p demo apply
//
// The command gets DOCKER_HOST pointing at the proxy. The log lists every call ("3 POST
// /v1.41/networks/create 201") and, last, how many calls there were and whether the signal was
// sent. The exit status is the command's (130 when it stopped on the signal). With -after 0 no
// signal is sent: use it to count the calls of a whole run.
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
)

type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func main() {
	after := flag.Int("after", 0, "send SIGINT once this many calls have been answered (0: never)")
	upstream := flag.String("socket", "/var/run/docker.sock", "the Engine's unix socket")
	logPath := flag.String("log", "", "where to list the calls (default: stderr)")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: interrupt [-after N] [-socket PATH] [-log FILE] -- COMMAND [ARG...]")
		os.Exit(2)
	}
	logOut := os.Stderr
	if *logPath != "" {
		f, err := os.Create(*logPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "interrupt:", err)
			os.Exit(2)
		}
		defer f.Close()
		logOut = f
	}

	dir, err := os.MkdirTemp("", "interrupt")
	if err != nil {
		fmt.Fprintln(os.Stderr, "interrupt:", err)
		os.Exit(2)
	}
	defer os.RemoveAll(dir)
	sock := filepath.Join(dir, "docker.sock")
	listener, err := net.Listen("unix", sock)
	if err != nil {
		fmt.Fprintln(os.Stderr, "interrupt:", err)
		os.Exit(2)
	}

	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: "http", Host: "docker"})
	proxy.FlushInterval = -1 // streams (build output, logs) pass through at once
	proxy.Transport = &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", *upstream)
		},
	}

	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Env = append(os.Environ(), "DOCKER_HOST=unix://"+sock)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr

	var mu sync.Mutex
	calls, signalled := 0, false
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		proxy.ServeHTTP(rec, r)
		mu.Lock()
		defer mu.Unlock()
		calls++
		fmt.Fprintf(logOut, "%d %s %s %d\n", calls, r.Method, r.URL.RequestURI(), rec.status)
		if calls == *after && !signalled {
			signalled = cmd.Process.Signal(syscall.SIGINT) == nil
		}
	})
	go func() { _ = http.Serve(listener, handler) }()

	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "interrupt:", err)
		os.Exit(2)
	}
	err = cmd.Wait()
	mu.Lock()
	fmt.Fprintf(logOut, "calls %d signalled %t\n", calls, signalled)
	mu.Unlock()
	if exit, ok := err.(*exec.ExitError); ok {
		if status, ok := exit.Sys().(syscall.WaitStatus); ok && status.Signaled() {
			os.Exit(128 + int(status.Signal())) // as a shell reports it
		}
		os.Exit(exit.ExitCode())
	} else if err != nil {
		fmt.Fprintln(os.Stderr, "interrupt:", err)
		os.Exit(2)
	}
}
