package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"time"
)

// defaultClient is the HTTP client used when Options.HTTPClient is nil:
// bounded connection, TLS and header waits, and at most 10 redirects.
func defaultClient(timeout time.Duration) *http.Client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: timeout,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	return &http.Client{Transport: tr, Timeout: timeout}
}

// fetched is a 2xx response read whole.
type fetched struct {
	body        []byte
	contentType string
	url         string // after redirects
}

// errHTTPStatus is wrapped by failures for responses that are not 2xx.
var errHTTPStatus = errors.New("HTTP error status")

// get fetches rawURL within Options.Timeout, sending Options.UserAgent,
// and reads at most Options.MaxBytes of the body. accept is sent as the
// Accept header.
func (r *reader) get(ctx context.Context, rawURL, accept string) (*fetched, error) {
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("bad URL: scheme %q is not http or https", req.URL.Scheme)
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := r.opts.HTTPClient.Do(req)
	if err != nil {
		var ue interface{ Unwrap() error }
		if errors.As(err, &ue) && ue.Unwrap() != nil {
			err = ue.Unwrap() // drop net/url's "Get <url>:" prefix
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("fetch: no complete response within %v: %w", r.opts.Timeout, err)
		}
		return nil, fmt.Errorf("fetch: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch: %w: %s", errHTTPStatus, resp.Status)
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return nil, fmt.Errorf("fetch: response of %d bytes is %w of %d bytes per document", resp.ContentLength, errTooLarge, r.opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, r.opts.MaxBytes+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			return nil, fmt.Errorf("fetch: body not read within %v: %w", r.opts.Timeout, context.DeadlineExceeded)
		}
		return nil, fmt.Errorf("fetch: read body: %w", err)
	}
	if int64(len(body)) > r.opts.MaxBytes {
		return nil, fmt.Errorf("fetch: response is %w of %d bytes per document", errTooLarge, r.opts.MaxBytes)
	}
	return &fetched{body: body, contentType: resp.Header.Get("Content-Type"), url: resp.Request.URL.String()}, nil
}

// url reads a URL given as an input: a feed, a page, or any other form.
func (r *reader) url(ctx context.Context, rawURL string) error {
	f, err := r.get(ctx, rawURL, "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, */*;q=0.5")
	if err != nil {
		return r.failErr(ctx, rawURL, err)
	}
	return r.stream(ctx, source{
		origin:      rawURL,
		r:           bytes.NewReader(f.body),
		name:        f.url,
		contentType: f.contentType,
		url:         f.url,
	})
}

// isHTMLType reports whether a Content-Type is an HTML page's; an absent
// one is left to sniffing.
func isHTMLType(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/html" || mt == "application/xhtml+xml")
}
