package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/pipeline"
)

// writeCerts makes a CA and a certificate for 127.0.0.1 signed by it, as PEM files in dir.
func writeCerts(t *testing.T, dir string) (ca, cert, key string) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "sohoa test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	srvKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srvTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, KeyUsage: x509.KeyUsageDigitalSignature}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, caCert, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalECPrivateKey(srvKey)
	write := func(name, typ string, der []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return write("ca.pem", "CERTIFICATE", caDER), write("redis.pem", "CERTIFICATE", srvDER), write("redis.key", "EC PRIVATE KEY", keyDER)
}

// Redis as production runs it: TLS only, the default user off, an ACL user with a password.
// SOHOA_REDIS_URL reaches it with rediss:// and the CA of SOHOA_REDIS_CA_FILE; a wrong password,
// plain redis:// to the TLS port and an unknown CA are refused.
func TestRedisURLWithAuthAndTLS(t *testing.T) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		testenv.Unavailable(t, "redis-server", err)
	}
	dir := t.TempDir()
	ca, cert, key := writeCerts(t, dir)
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	srv := exec.Command(bin, "--port", "0", "--tls-port", fmt.Sprint(port), "--bind", "127.0.0.1",
		"--tls-cert-file", cert, "--tls-key-file", key, "--tls-ca-cert-file", ca, "--tls-auth-clients", "no",
		"--save", "", "--appendonly", "no", "--dir", dir,
		"--user", "default", "off", "--user", "sohoa", "on", ">s3cret-pass", "~*", "&*", "+@all", "-@dangerous", "+info")
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	t.Setenv("SOHOA_REDIS_CA_FILE", ca)
	enqueue := func(url string) error {
		opt, err := redisConn(&Config{RedisURL: url})
		if err != nil {
			return err
		}
		c := asynq.NewClient(opt)
		defer c.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_, err = c.EnqueueContext(ctx, asynq.NewTask("sohoa:test", nil))
		return err
	}
	var lastErr error
	for i := 0; i < 50; i++ { // the server starting
		if lastErr = enqueue(fmt.Sprintf("rediss://sohoa:s3cret-pass@127.0.0.1:%d/3", port)); lastErr == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if lastErr != nil {
		t.Fatalf("rediss:// with the ACL user: %v", lastErr)
	}
	// The production ACL (deploy/redis.conf: every command but the dangerous ones, and INFO for
	// asynqmon) is enough for Asynq: a server runs the task, the inspector reads the queue.
	opt, err := redisConn(&Config{RedisURL: fmt.Sprintf("rediss://sohoa:s3cret-pass@127.0.0.1:%d/3", port)})
	if err != nil {
		t.Fatal(err)
	}
	runsQueued(t, opt, "default", "through the ACL user")
	insp := asynq.NewInspector(opt)
	defer insp.Close()
	if qs, err := insp.Queues(); err != nil || len(qs) == 0 {
		t.Errorf("inspector queues: %v %v", qs, err)
	}
	if _, err := insp.GetQueueInfo("default"); err != nil {
		t.Errorf("inspector queue info: %v", err)
	}
	// The password from a mounted secret file, read with the configuration.
	pwFile := filepath.Join(dir, "redis-password")
	if err := os.WriteFile(pwFile, []byte("s3cret-pass\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOHOA_REDIS_PASSWORD_FILE", pwFile)
	t.Setenv("SOHOA_REDIS_URL", fmt.Sprintf("rediss://sohoa@127.0.0.1:%d/3", port))
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	cfg, check := bindConfig(fs)
	if err := fs.Parse(nil); err != nil || check() != nil {
		t.Fatalf("config: %v %v", err, check())
	}
	if c, err := redisConn(cfg); err != nil || asynq.NewClient(c).Ping() != nil {
		t.Errorf("password from SOHOA_REDIS_PASSWORD_FILE: %v", err)
	}
	for _, bad := range []string{
		fmt.Sprintf("rediss://sohoa:wrong@127.0.0.1:%d/3", port),
		fmt.Sprintf("redis://sohoa:s3cret-pass@127.0.0.1:%d/3", port),
		fmt.Sprintf("rediss://127.0.0.1:%d/3", port),
	} {
		if err := enqueue(bad); err == nil {
			t.Errorf("%s: enqueued", strings.Replace(bad, "s3cret-pass", "***", 1))
		}
	}
	t.Setenv("SOHOA_REDIS_CA_FILE", "")
	if err := enqueue(fmt.Sprintf("rediss://sohoa:s3cret-pass@127.0.0.1:%d/3", port)); err == nil {
		t.Error("a server whose CA is not trusted was accepted")
	}
	if _, err := redisConn(&Config{RedisURL: "redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/0"}); err == nil {
		t.Error("redis-sentinel without ?master= accepted")
	}
	sopt, err := redisConn(&Config{RedisURL: "redis-sentinel://u:p@10.0.0.1:26379,10.0.0.2:26379/2?master=sohoa&sentinel_password=sp"})
	if f, ok := sopt.(asynq.RedisFailoverClientOpt); err != nil || !ok || f.MasterName != "sohoa" || len(f.SentinelAddrs) != 2 ||
		f.Password != "p" || f.Username != "u" || f.SentinelPassword != "sp" || f.DB != 2 {
		t.Errorf("sentinel options %+v, %v", sopt, err)
	}
}

// A Redis Cluster of three local primaries (redis-cluster://…): Asynq's client, server and
// inspector work through it, and so does the reconciler's lease (one key, any node).
func TestRedisCluster(t *testing.T) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		testenv.Unavailable(t, "redis-server", err)
	}
	cli, err := exec.LookPath("redis-cli")
	if err != nil {
		testenv.Unavailable(t, "redis-cli", err)
	}
	dir := t.TempDir()
	var addrs []string
	for i := 0; i < 3; i++ {
		l, _ := net.Listen("tcp", "127.0.0.1:0")
		port := l.Addr().(*net.TCPAddr).Port
		l.Close()
		if port > 55535 { // the cluster bus listens on port+10000
			i--
			continue
		}
		node := filepath.Join(dir, fmt.Sprint(port))
		_ = os.MkdirAll(node, 0o755)
		srv := exec.Command(bin, "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(node, "nodes.conf"), "--dir", node, "--save", "", "--appendonly", "no")
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = srv.Process.Kill(); _ = srv.Wait() })
		addrs = append(addrs, fmt.Sprintf("127.0.0.1:%d", port))
	}
	for _, a := range addrs {
		for i := 0; i < 50; i++ {
			if c, err := net.DialTimeout("tcp", a, 100*time.Millisecond); err == nil {
				c.Close()
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	if out, err := exec.Command(cli, append(append([]string{"--cluster", "create"}, addrs...), "--cluster-replicas", "0", "--cluster-yes")...).CombinedOutput(); err != nil {
		t.Fatalf("redis-cli --cluster create: %v\n%s", err, out)
	}
	url := "redis-cluster://" + strings.Join(addrs, ",")
	if _, err := redisConn(&Config{RedisURL: url + "/2"}); err == nil {
		t.Error("a cluster URL with a database number was accepted")
	}
	opt, err := redisConn(&Config{RedisURL: url})
	if err != nil {
		t.Fatal(err)
	}
	c := asynq.NewClient(opt)
	defer c.Close()
	var lastErr error
	for i := 0; i < 100; i++ { // the cluster settling its slots
		if _, lastErr = c.Enqueue(asynq.NewTask("sohoa:test", nil), asynq.Queue("pages")); lastErr == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if lastErr != nil {
		t.Fatalf("enqueue through the cluster: %v", lastErr)
	}
	runsQueued(t, opt, "pages", "through the cluster")
	insp := asynq.NewInspector(opt)
	defer insp.Close()
	if info, err := insp.GetQueueInfo("pages"); err != nil || info.Processed < 1 {
		t.Errorf("inspector through the cluster: %+v %v", info, err)
	}
	rc, ok := opt.MakeRedisClient().(redis.UniversalClient)
	if !ok {
		t.Fatal("the cluster option gives no universal client")
	}
	defer rc.Close()
	l1 := &pipeline.Lease{Client: rc, Key: "sohoa:test-lease", Holder: "w1", TTL: time.Minute}
	l2 := &pipeline.Lease{Client: rc, Key: "sohoa:test-lease", Holder: "w2", TTL: time.Minute}
	if ok, err := l1.Hold(context.Background()); !ok || err != nil {
		t.Fatalf("lease through the cluster: %v %v", ok, err)
	}
	if ok, _ := l2.Hold(context.Background()); ok {
		t.Error("two holders of one lease")
	}
}

// runsQueued starts an Asynq server on opt and waits for it to run the sohoa:test task queued
// on queue.
func runsQueued(t *testing.T, opt asynq.RedisConnOpt, queue, how string) {
	t.Helper()
	ran := make(chan struct{}, 1)
	worker := asynq.NewServer(opt, asynq.Config{Concurrency: 1, Queues: map[string]int{queue: 1}, TaskCheckInterval: 50 * time.Millisecond,
		Logger: asynqLogger{slog.New(slog.NewTextHandler(io.Discard, nil))}})
	mux := asynq.NewServeMux()
	mux.HandleFunc("sohoa:test", func(context.Context, *asynq.Task) error { ran <- struct{}{}; return nil })
	if err := worker.Start(mux); err != nil {
		t.Fatal(err)
	}
	defer worker.Shutdown()
	select {
	case <-ran:
	case <-time.After(15 * time.Second):
		t.Fatalf("the task never ran %s", how)
	}
}
