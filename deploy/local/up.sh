#!/usr/bin/env bash
# Brings up everything sohoa needs on a bare Debian 12 machine (root, no Docker), idempotently:
# Debian packages, PostgreSQL (role + database), Redis, the Versity S3 Gateway. Whatever already
# answers is reused. Prints the environment the sohoa binary reads.
set -euo pipefail

: "${SOHOA_STATE_DIR:=/var/lib/sohoa}"          # S3 data, logs, pid files
: "${SOHOA_CACHE_DIR:=/var/cache/sohoa}"        # the versitygw binary, built once per machine
: "${SOHOA_PG_HOST:=127.0.0.1}"
: "${SOHOA_PG_PORT:=5432}"
: "${SOHOA_REDIS_ADDR:=127.0.0.1:6379}"
: "${SOHOA_S3_ENDPOINT:=127.0.0.1:7070}"
: "${SOHOA_S3_ACCESS_KEY:=sohoa}"
: "${SOHOA_S3_SECRET_KEY:=sohoa-local-secret}"
VERSITYGW_VERSION=v1.8.0

log() { printf '\033[1m[up]\033[0m %s\n' "$*" >&2; }
need_root() { [ "$(id -u)" -eq 0 ] || { echo "up.sh: run as root (it installs Debian packages)" >&2; exit 1; }; }

PKGS=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd
      libtesseract-dev libleptonica-dev pkg-config gcc make postgresql postgresql-contrib
      redis-server poppler-utils ca-certificates curl chromium fonts-noto-core awscli
      fonts-liberation2 tesseract-ocr-deu tesseract-ocr-ita tesseract-ocr-spa tesseract-ocr-por)

install_packages() {
  local missing=()
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  need_root
  log "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check_go() {
  command -v go >/dev/null || { echo "up.sh: Go 1.26 or newer is needed on PATH (https://go.dev/dl)" >&2; exit 1; }
}

pg_up() { pg_isready -q -h "$SOHOA_PG_HOST" -p "$SOHOA_PG_PORT"; }
start_postgres() {
  if ! pg_up; then
    log "starting PostgreSQL"
    local ver; ver=$(ls /etc/postgresql | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
    pg_up || { echo "up.sh: PostgreSQL does not answer on $SOHOA_PG_HOST:$SOHOA_PG_PORT" >&2; exit 1; }
  fi
  # Role and database for sohoa; CREATEDB lets the tests make one database each.
  su postgres -c "psql -p $SOHOA_PG_PORT -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='sohoa'\"" | grep -q 1 ||
    su postgres -c "psql -p $SOHOA_PG_PORT -qc \"CREATE ROLE sohoa LOGIN CREATEDB PASSWORD 'sohoa'\""
  # The least-privilege roles of a production database (deploy/postgres/roles.sql); the local
  # sohoa role may act as each, so the tests check what each may do.
  su postgres -c "psql -p $SOHOA_PG_PORT -qX -v ON_ERROR_STOP=1 -f -" < "$(dirname "$0")/../postgres/roles.sql" >/dev/null
  su postgres -c "psql -p $SOHOA_PG_PORT -qc 'SET client_min_messages = warning; GRANT sohoa_owner, sohoa_api, sohoa_worker TO sohoa'" >/dev/null
  su postgres -c "psql -p $SOHOA_PG_PORT -qtAc \"SELECT 1 FROM pg_database WHERE datname='sohoa'\"" | grep -q 1 ||
    su postgres -c "psql -p $SOHOA_PG_PORT -qc 'CREATE DATABASE sohoa OWNER sohoa'"
  # Admin work goes over the local socket as postgres (peer auth), as on a stock Debian.
  # Extensions need a superuser once; later migrations find them present.
  for db in sohoa template1; do
    su postgres -c "psql -p $SOHOA_PG_PORT -d $db -qc 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm'" >/dev/null
  done
}

redis_up() { redis-cli -u "redis://$SOHOA_REDIS_ADDR" ping 2>/dev/null | grep -q PONG; }
start_redis() {
  redis_up && return
  log "starting Redis (local development settings; deploy/redis.conf is the production config)"
  mkdir -p "$SOHOA_STATE_DIR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "${SOHOA_REDIS_ADDR##*:}" \
    --dir "$SOHOA_STATE_DIR/redis" --appendonly yes --appendfsync everysec \
    --maxmemory-policy noeviction --logfile "$SOHOA_STATE_DIR/redis/redis.log"
  for _ in $(seq 1 20); do redis_up && return; sleep 0.5; done
  echo "up.sh: Redis does not answer on $SOHOA_REDIS_ADDR" >&2; exit 1
}

s3_up() { curl -s -o /dev/null --max-time 2 "http://$SOHOA_S3_ENDPOINT/"; }
start_s3() {
  local bin="$SOHOA_CACHE_DIR/bin/versitygw"
  if [ ! -x "$bin" ]; then
    check_go
    log "building the Versity S3 Gateway $VERSITYGW_VERSION once (about 3 minutes)"
    mkdir -p "$SOHOA_CACHE_DIR/bin"
    (cd / && GOBIN="$SOHOA_CACHE_DIR/bin" GOFLAGS=-mod=mod go install "github.com/versity/versitygw/cmd/versitygw@$VERSITYGW_VERSION")
  fi
  if s3_up; then
    # A gateway an older up.sh started runs without IAM accounts, which the scoped-credentials
    # test needs: ours is restarted with them; one this script did not start is left alone.
    local pid cmd; pid=$(cat "$SOHOA_STATE_DIR/s3/versitygw.pid" 2>/dev/null || true)
    cmd=$(tr '\0' ' ' < "/proc/${pid:-0}/cmdline" 2>/dev/null || true)
    case "$cmd" in
      *versitygw*--iam-dir*|"") return ;;
      *versitygw*)
        log "restarting the S3 server with IAM accounts"
        kill "$pid"
        for _ in $(seq 1 40); do s3_up || break; sleep 0.25; done ;;
      *) return ;;
    esac
  fi
  log "starting the S3 server on $SOHOA_S3_ENDPOINT"
  mkdir -p "$SOHOA_STATE_DIR/s3/data" "$SOHOA_STATE_DIR/s3/versions" "$SOHOA_STATE_DIR/s3/iam"
  # --iam-dir: accounts besides the root one (the API's and the workers' scoped credentials).
  ROOT_ACCESS_KEY="$SOHOA_S3_ACCESS_KEY" ROOT_SECRET_KEY="$SOHOA_S3_SECRET_KEY" \
    setsid nohup "$bin" --port "$SOHOA_S3_ENDPOINT" --iam-dir "$SOHOA_STATE_DIR/s3/iam" posix --versioning-dir "$SOHOA_STATE_DIR/s3/versions" \
    "$SOHOA_STATE_DIR/s3/data" >"$SOHOA_STATE_DIR/s3/versitygw.log" 2>&1 < /dev/null &
  echo $! >"$SOHOA_STATE_DIR/s3/versitygw.pid"
  for _ in $(seq 1 40); do s3_up && return; sleep 0.25; done
  echo "up.sh: the S3 server did not start; see $SOHOA_STATE_DIR/s3/versitygw.log" >&2; exit 1
}

install_packages
check_go
start_postgres
start_redis
start_s3
log "stack is up: PostgreSQL $SOHOA_PG_HOST:$SOHOA_PG_PORT, Redis $SOHOA_REDIS_ADDR, S3 http://$SOHOA_S3_ENDPOINT"
