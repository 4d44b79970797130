#!/usr/bin/env bash
# A real S3 server that enforces Object Lock, for the tests and for a local run: Ceph's RADOS Gateway
# on loopback over one monitor and one OSD on the in-memory memstore backend, run as the current user
# (no root services, no systemd), everything under one directory.
#
#   scripts/ceph-rgw.sh start  [DIR]   start (or find running) and write DIR/s3.properties
#   scripts/ceph-rgw.sh status [DIR]   exit 0 when the gateway answers
#   scripts/ceph-rgw.sh stop   [DIR]   stop the daemons (memstore: the data goes with them)
#   scripts/ceph-rgw.sh gateway-stop|gateway-start [DIR]   kill -9 / restart only the gateway (outage tests)
#
# DIR defaults to var/ceph. DIR/s3.properties holds endpoint, accessKey, secretKey and region (RGW's
# zonegroup, "default"; it refuses a bucket in "us-east-1") for the
# tests (CephRgw) and scripts/run.sh. Memstore keeps nothing across a stop, so start always builds a
# fresh cluster; it takes about 35 s and 130 MB.
set -euo pipefail

cmd="${1:-start}"
dir="${2:-${KYSO_CEPH_DIR:-var/ceph}}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
conf="$dir/ceph.conf"
props="$dir/s3.properties"

ceph_need_packages() {
  local missing=()
  command -v ceph-mon >/dev/null 2>&1 || missing+=(ceph-mon)
  command -v ceph-osd >/dev/null 2>&1 || missing+=(ceph-osd)
  command -v radosgw >/dev/null 2>&1 || missing+=(radosgw)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

alive() { # alive NAME: the daemon's pid file names a live process
  local pid
  pid="$(cat "$dir/run/$1.pid" 2>/dev/null)" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

answers() { # the gateway answers S3 on its endpoint
  [ -f "$props" ] || return 1
  local endpoint
  endpoint="$(sed -n 's/^endpoint=//p' "$props")"
  curl -s -o /dev/null --max-time 3 "$endpoint" 2>/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

stop() {
  local name pid
  for name in client.rgw.a osd.0 mon.a; do
    pid="$(cat "$dir/run/$name.pid" 2>/dev/null)" || continue
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 50); do
    alive client.rgw.a || alive osd.0 || alive mon.a || break
    sleep 0.2
  done
  for name in client.rgw.a osd.0 mon.a; do
    if alive "$name"; then kill -9 "$(cat "$dir/run/$name.pid")" 2>/dev/null || true; fi
  done
  rm -f "$props"
}

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds="$1" what="$2"
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "Ceph: $what did not happen within ${seconds}s; logs in $dir/log" >&2
  return 1
}

start() {
  if alive mon.a && alive osd.0 && alive client.rgw.a && answers; then
    echo "Ceph RGW already running: $(sed -n 's/^endpoint=//p' "$props")"
    return 0
  fi
  stop
  ceph_need_packages
  # Memstore keeps nothing across a restart, so a half-started cluster is thrown away, not repaired.
  rm -rf "$dir/mon" "$dir/osd" "$dir/run" "$dir/log" "$dir/rgw" "$dir/monmap" "$dir/keyring"
  mkdir -p "$dir/mon/ceph-a" "$dir/osd/ceph-0" "$dir/run" "$dir/log" "$dir/rgw"
  local fsid mon_port rgw_port access secret
  fsid="$(cat /proc/sys/kernel/random/uuid)"
  mon_port="$(free_port)"
  rgw_port="${KYSO_CEPH_RGW_PORT:-$(free_port)}"
  cat >"$conf" <<EOF
[global]
fsid = $fsid
mon_host = v2:127.0.0.1:$mon_port
ms_bind_msgr1 = false
# With auth none a daemon-type client (the gateway) offers no connection mode to the monitor unless
# told: crc is the one mode that needs no session key.
ms_mon_client_mode = crc
ms_client_mode = crc
# Test machines have full-ish disks; the monitor must not stop on a space warning.
mon_data_avail_warn = 1
mon_data_avail_crit = 0
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
osd_pool_default_pg_autoscale_mode = off
osd_crush_chooseleaf_type = 0
osd_objectstore = memstore
memstore_device_bytes = 2147483648
run_dir = $dir/run
pid_file = $dir/run/\$name.pid
admin_socket = $dir/run/\$name.asok
log_file = $dir/log/\$name.log
mon_data = $dir/mon/\$cluster-\$id
osd_data = $dir/osd/\$cluster-\$id
keyring = $dir/keyring
mon_cluster_log_file = $dir/log/cluster.log
[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:$rgw_port
rgw_data = $dir/rgw
EOF
  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/keyring" >/dev/null
  # The daemons must not inherit the lock (fd 9), or they would hold it for their whole life.
  ceph-mon -c "$conf" -i a 9>&-
  wait_for 30 "the monitor answering" ceph -c "$conf" --connect-timeout 2 mon stat

  local osd_uuid
  osd_uuid="$(cat /proc/sys/kernel/random/uuid)"
  ceph -c "$conf" osd new "$osd_uuid" 0 >/dev/null
  ceph-osd -c "$conf" -i 0 --mkfs --osd-uuid "$osd_uuid" >/dev/null 2>&1
  ceph-osd -c "$conf" -i 0 2>>"$dir/log/osd.0.stderr" 9>&-
  wait_for 30 "the OSD coming up" bash -c "ceph -c '$conf' osd stat | grep -q '1 up'"

  radosgw -c "$conf" -n client.rgw.a 2>>"$dir/log/rgw.stderr" 9>&-
  wait_for 60 "the gateway answering on 127.0.0.1:$rgw_port" curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$rgw_port"

  access="kyso$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  radosgw-admin -c "$conf" user create --uid=kyso --display-name="Kyso tests" \
    --access-key="$access" --secret-key="$secret" >/dev/null
  cat >"$props.tmp" <<EOF
# Written by scripts/ceph-rgw.sh; valid while the cluster in this directory runs.
endpoint=http://127.0.0.1:$rgw_port
accessKey=$access
secretKey=$secret
region=default
EOF
  mv "$props.tmp" "$props"
  echo "Ceph RGW running: http://127.0.0.1:$rgw_port (keys in $props)"
}

# Several test JVMs may ask at once; the second waits and then finds the gateway running.
exec 9>"$dir/.lock"
flock 9

# The gateway alone, for tests of an S3 outage: killed hard and started again on the same port; the
# objects live in the OSD and survive.
gateway_stop() {
  if alive client.rgw.a; then kill -9 "$(cat "$dir/run/client.rgw.a.pid")"; fi
  for _ in $(seq 1 50); do alive client.rgw.a || break; sleep 0.1; done
  rm -f "$dir/run/client.rgw.a.pid" "$dir/run/client.rgw.a.asok"
}

gateway_start() {
  alive mon.a && alive osd.0 || { echo "Ceph is not running in $dir" >&2; exit 1; }
  alive client.rgw.a && answers && return 0
  radosgw -c "$conf" -n client.rgw.a 2>>"$dir/log/rgw.stderr" 9>&-
  local endpoint
  endpoint="$(sed -n 's/^endpoint=//p' "$props")"
  wait_for 60 "the gateway answering on $endpoint" curl -s -o /dev/null --max-time 2 "$endpoint"
}

case "$cmd" in
  start) start ;;
  gateway-stop) gateway_stop ;;
  gateway-start) gateway_start ;;
  stop) stop; echo "Ceph stopped" ;;
  status)
    if alive mon.a && alive osd.0 && alive client.rgw.a && answers; then
      echo "Ceph RGW running: $(sed -n 's/^endpoint=//p' "$props")"
    else
      echo "Ceph RGW not running" >&2
      exit 1
    fi
    ;;
  *) echo "usage: $0 start|stop|status|gateway-stop|gateway-start [DIR]" >&2; exit 2 ;;
esac
