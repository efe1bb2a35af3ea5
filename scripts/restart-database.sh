#!/usr/bin/env bash
# Restarts this machine's database server, for the fault suite's restart test (-Dfaults.restart=true), and waits
# until it answers again (60 s at most).
#
#   scripts/restart-database.sh postgres     # pg_ctlcluster ... main restart
#   scripts/restart-database.sh mariadb      # mariadbd stopped, then started again
#
# Only for a server of your own: every client of it loses its connections.
set -euo pipefail

wait_for() { # name, command that answers when the server is up
  for _ in $(seq 120); do
    if eval "$2" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$1 did not answer within 60 s of its restart" >&2
  return 1
}

case "${1:-}" in
  postgres)
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
    wait_for PostgreSQL "pg_isready -q -h 127.0.0.1 -p 5432"
    ;;
  mariadb)
    mariadbd=$(command -v mariadbd)
    # Stops it (SIGTERM: a clean shutdown) and waits up to 60 s until the process is gone: the server stops
    # answering well before it has exited, and a start before that would find it "already running".
    start-stop-daemon --stop --oknodo --exec "$mariadbd" --retry 60
    start-stop-daemon --start --oknodo --background --exec "$mariadbd"
    wait_for MariaDB "mariadb-admin -uroot -h127.0.0.1 --silent ping"
    ;;
  *)
    echo "usage: $0 postgres|mariadb" >&2
    exit 2
    ;;
esac
