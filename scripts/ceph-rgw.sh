#!/usr/bin/env bash
# A real S3 server that enforces Object Lock, for the tests and for a local run: Ceph's RADOS Gateway
# on loopback over one monitor and one OSD on the in-memory memstore backend, run as the current user
# (no root services, no systemd), everything under one directory.
#
#   scripts/ceph-rgw.sh start  [DIR] [--osds N]   start (or find running) and write DIR/s3.properties
#   scripts/ceph-rgw.sh status [DIR]   exit 0 when the gateway answers (says so when OSDs are down)
#   scripts/ceph-rgw.sh stop   [DIR]   stop the daemons (memstore: the data goes with them)
#   scripts/ceph-rgw.sh gateway-stop|gateway-start [DIR]   kill -9 / restart only the gateway (outage tests)
#   scripts/ceph-rgw.sh kill-osd N [DIR]   kill -9 one OSD (a disk or host lost) and wait until the
#                                          monitor has marked it down
#
# --osds 1 (the default, the normal test run) keeps one copy of everything. --osds 3 (or more) is the
# replicated cluster of the cluster proof: pools of size 3 and min_size 2, so a write is acknowledged
# only once two OSDs hold it, and with one OSD down the placement groups still have two copies, stay
# active and keep acknowledging writes. Size 2 / min_size 1 would also keep writing with one OSD down,
# but then acknowledges writes that exist on one OSD only: losing that one too loses acknowledged data,
# which is what Ceph's own docs warn about. Two OSDs are refused for that reason.
#
# DIR defaults to var/ceph. DIR/s3.properties holds endpoint, accessKey, secretKey and region (RGW's
# zonegroup, "default"; it refuses a bucket in "us-east-1") for the
# tests (CephRgw) and scripts/run.sh. Memstore keeps nothing across a stop, so start always builds a
# fresh cluster; it takes about 35 s and 130 MB.
set -euo pipefail

cmd="${1:-start}"
shift || true
osds=1
osd_to_kill=""
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --osds) osds="${2:?--osds needs a number}"; shift 2 ;;
    --osds=*) osds="${1#--osds=}"; shift ;;
    *) positional+=("$1"); shift ;;
  esac
done
if [ "$cmd" = kill-osd ]; then
  osd_to_kill="${positional[0]:?usage: $0 kill-osd N [DIR]}"
  positional=("${positional[@]:1}")
fi
dir="${positional[0]:-${KYSO_CEPH_DIR:-var/ceph}}"
case "$osds" in
  1) ;;
  2) echo "Two OSDs can't keep writing with one down without acknowledging single copies; use 1 or 3+" >&2; exit 2 ;;
  *[!0-9]*|0|"") echo "--osds wants a number: $osds" >&2; exit 2 ;;
esac
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

daemons() { # the daemons of the cluster in DIR, gateway first (from the pid files, so all OSDs)
  local f
  echo client.rgw.a
  for f in "$dir"/run/osd.*.pid; do [ -e "$f" ] && basename "$f" .pid; done
  echo mon.a
}

running_osds() { # how many OSDs the cluster in DIR was started with
  cat "$dir/osds" 2>/dev/null || echo 1
}

all_alive() { # the monitor, every OSD the cluster was started with and the gateway
  local i
  alive mon.a && alive client.rgw.a || return 1
  for i in $(seq 0 $(($(running_osds) - 1))); do alive "osd.$i" || return 1; done
}

stop() {
  local name pid names
  names="$(daemons)"
  for name in $names; do
    pid="$(cat "$dir/run/$name.pid" 2>/dev/null)" || continue
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for _ in $(seq 1 50); do
    local any=""
    for name in $names; do alive "$name" && any=1; done
    [ -z "$any" ] && break
    sleep 0.2
  done
  for name in $names; do
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
  if [ "$(running_osds)" = "$osds" ] && all_alive && answers; then
    echo "Ceph RGW already running: $(sed -n 's/^endpoint=//p' "$props")"
    return 0
  fi
  stop
  ceph_need_packages
  # Memstore keeps nothing across a restart, so a half-started cluster is thrown away, not repaired.
  rm -rf "$dir/mon" "$dir/osd" "$dir/run" "$dir/log" "$dir/rgw" "$dir/monmap" "$dir/keyring" "$dir/osds"
  mkdir -p "$dir/mon/ceph-a" "$dir/run" "$dir/log" "$dir/rgw"
  local fsid mon_port rgw_port access secret size=1 min_size=1 i
  if [ "$osds" -ge 3 ]; then size=3; min_size=2; fi
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
osd_pool_default_size = $size
osd_pool_default_min_size = $min_size
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
$(if [ "$osds" -gt 1 ]; then cat <<FAILOVER
# A killed OSD must be marked down in seconds, not after the default 20 s grace: until then the
# placement groups it serves wait for it and every write to them hangs. On loopback a dead OSD's
# port refuses at once (osd_fast_fail_on_connection_refused); the short grace covers the rest.
osd_heartbeat_interval = 1
osd_heartbeat_grace = 4
mon_osd_adjust_heartbeat_grace = false
FAILOVER
fi)
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
  for i in $(seq 0 $((osds - 1))); do
    mkdir -p "$dir/osd/ceph-$i"
    osd_uuid="$(cat /proc/sys/kernel/random/uuid)"
    ceph -c "$conf" osd new "$osd_uuid" "$i" >/dev/null
    ceph-osd -c "$conf" -i "$i" --mkfs --osd-uuid "$osd_uuid" >/dev/null 2>&1
    ceph-osd -c "$conf" -i "$i" 2>>"$dir/log/osd.$i.stderr" 9>&-
  done
  echo "$osds" >"$dir/osds"
  wait_for 30 "the OSDs coming up" bash -c "ceph -c '$conf' osd stat | grep -q '$osds up'"

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
  alive mon.a || { echo "Ceph is not running in $dir" >&2; exit 1; }
  alive client.rgw.a && answers && return 0
  radosgw -c "$conf" -n client.rgw.a 2>>"$dir/log/rgw.stderr" 9>&-
  local endpoint
  endpoint="$(sed -n 's/^endpoint=//p' "$props")"
  wait_for 60 "the gateway answering on $endpoint" curl -s -o /dev/null --max-time 2 "$endpoint"
}

# One OSD killed hard (SIGKILL, as a lost disk or host): memstore loses its copies. Returns once the
# monitor has marked it down, so the caller knows the cluster runs degraded from here on.
kill_osd() {
  local n="$osd_to_kill" pid
  alive "osd.$n" || { echo "osd.$n is not running in $dir" >&2; exit 1; }
  pid="$(cat "$dir/run/osd.$n.pid")"
  kill -9 "$pid"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$dir/run/osd.$n.pid" "$dir/run/osd.$n.asok"
  wait_for 30 "osd.$n marked down" bash -c "ceph -c '$conf' osd dump | grep -q '^osd.$n down'"
  echo "osd.$n killed and marked down"
}

case "$cmd" in
  start) start ;;
  kill-osd) kill_osd ;;
  gateway-stop) gateway_stop ;;
  gateway-start) gateway_start ;;
  stop) stop; echo "Ceph stopped" ;;
  status)
    if all_alive && answers; then
      echo "Ceph RGW running: $(sed -n 's/^endpoint=//p' "$props")"
    elif alive mon.a && alive client.rgw.a && answers; then
      up=0
      for i in $(seq 0 $(($(running_osds) - 1))); do alive "osd.$i" && up=$((up + 1)); done
      echo "Ceph RGW running degraded ($up of $(running_osds) OSDs): $(sed -n 's/^endpoint=//p' "$props")"
    else
      echo "Ceph RGW not running" >&2
      exit 1
    fi
    ;;
  *) echo "usage: $0 start|stop|status|gateway-stop|gateway-start [DIR] [--osds N] | kill-osd N [DIR]" >&2; exit 2 ;;
esac
