package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/hibiken/asynq"
)

// redisConn builds the Redis connection of c: SOHOA_REDIS_URL when set, else the address and
// db number.
//
//	redis://[user[:password]@]host:port[/db]      plain
//	rediss://[user[:password]@]host:port[/db]     TLS (SOHOA_REDIS_CA_FILE: the CA to trust)
//	redis-sentinel://[user[:password]@]h1:26379,h2:26379,h3:26379[/db]?master=NAME[&sentinel_password=P][&tls=true]
//	redis-cluster://[user[:password]@]h1:6379,h2:6379,h3:6379[?tls=true]   (Redis Cluster: db 0 only)
//
// A password may come from SOHOA_REDIS_PASSWORD_FILE instead of the URL (a mounted secret,
// read with the rest of the configuration).
func redisConn(c *Config) (asynq.RedisConnOpt, error) {
	password := c.RedisPassword
	if c.RedisURL == "" {
		return asynq.RedisClientOpt{Addr: c.RedisAddr, DB: c.RedisDB, Password: password}, nil
	}
	u, err := url.Parse(c.RedisURL)
	if err != nil {
		return nil, fmt.Errorf("SOHOA_REDIS_URL: %w", err) // url.Parse's error does not carry the password
	}
	user := u.User.Username()
	if p, ok := u.User.Password(); ok {
		password = p
	}
	db := 0
	if s := strings.Trim(u.Path, "/"); s != "" {
		if db, err = strconv.Atoi(s); err != nil || db < 0 {
			return nil, fmt.Errorf("SOHOA_REDIS_URL: database %q: want a number", s)
		}
	}
	tlsConfig := func(host string) (*tls.Config, error) {
		cfg := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: host}
		if f := os.Getenv("SOHOA_REDIS_CA_FILE"); f != "" {
			pem, err := os.ReadFile(f)
			if err != nil {
				return nil, fmt.Errorf("SOHOA_REDIS_CA_FILE: %w", err)
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				return nil, fmt.Errorf("SOHOA_REDIS_CA_FILE: no certificate in %s", f)
			}
			cfg.RootCAs = pool
		}
		return cfg, nil
	}
	switch u.Scheme {
	case "redis", "rediss":
		opt := asynq.RedisClientOpt{Addr: u.Host, Username: user, Password: password, DB: db}
		if u.Scheme == "rediss" {
			if opt.TLSConfig, err = tlsConfig(u.Hostname()); err != nil {
				return nil, err
			}
		}
		return opt, nil
	case "redis-sentinel":
		q := u.Query()
		if q.Get("master") == "" {
			return nil, fmt.Errorf("SOHOA_REDIS_URL: redis-sentinel needs ?master=NAME")
		}
		opt := asynq.RedisFailoverClientOpt{MasterName: q.Get("master"), SentinelAddrs: strings.Split(u.Host, ","),
			SentinelPassword: q.Get("sentinel_password"), Username: user, Password: password, DB: db}
		if q.Get("tls") == "true" {
			host, _, _ := strings.Cut(opt.SentinelAddrs[0], ":")
			if opt.TLSConfig, err = tlsConfig(host); err != nil {
				return nil, err
			}
		}
		return opt, nil
	case "redis-cluster":
		// Asynq keeps each queue's keys under one hash tag ({queue}), so its scripts run on a
		// cluster; a cluster has no numbered databases.
		if db != 0 {
			return nil, fmt.Errorf("SOHOA_REDIS_URL: a Redis Cluster has only database 0")
		}
		opt := asynq.RedisClusterClientOpt{Addrs: strings.Split(u.Host, ","), Username: user, Password: password}
		if u.Query().Get("tls") == "true" {
			host, _, _ := strings.Cut(opt.Addrs[0], ":")
			if opt.TLSConfig, err = tlsConfig(host); err != nil {
				return nil, err
			}
		}
		return opt, nil
	}
	return nil, fmt.Errorf("SOHOA_REDIS_URL: scheme %q: want redis, rediss, redis-sentinel or redis-cluster", u.Scheme)
}

// secretFile reads the secret in the file an environment variable names ("" when unset).
func secretFile(name string) (string, error) {
	f := os.Getenv(name)
	if f == "" {
		return "", nil
	}
	b, err := os.ReadFile(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return strings.TrimSpace(string(b)), nil
}
