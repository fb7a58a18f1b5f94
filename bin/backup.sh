#!/usr/bin/env bash
# Backs up every timeline (drafts included) from a running Tradeline into a zip of timelines/ files.
# Usage: TRADELINE_URL=https://timelines.example.org TRADELINE_TOKEN=tl_… bin/backup.sh [folder]
#    or: TRADELINE_URL=… TRADELINE_USER=admin TRADELINE_PASSWORD=… bin/backup.sh [folder]
# Needs an admin's API token (Editor → Account → tokens) or password. Writes
# tradeline-backup-YYYYMMDD-HHMMSS.zip into the folder (default: current) and prints its path.
# Restore: see README, "Backups and restore".
set -euo pipefail
URL=${TRADELINE_URL:-http://localhost:8080}
DIR=${1:-.}
mkdir -p "$DIR"
FILE="$DIR/tradeline-backup-$(date -u +%Y%m%d-%H%M%S).zip"
if [ -n "${TRADELINE_TOKEN:-}" ]; then
  AUTH=(-H "Authorization: Bearer $TRADELINE_TOKEN")
elif [ -n "${TRADELINE_PASSWORD:-}" ]; then
  AUTH=(-u "${TRADELINE_USER:-admin}:$TRADELINE_PASSWORD")
else
  echo "Set TRADELINE_TOKEN (an admin's API token) or TRADELINE_PASSWORD." >&2
  exit 2
fi
# --fail: a 401/403 leaves no zip behind; the partial file is removed.
if ! curl -sS --fail -o "$FILE.part" "${AUTH[@]}" "$URL/api/backup"; then
  rm -f "$FILE.part"
  echo "Backup failed (is the account an admin, and the URL right?)." >&2
  exit 1
fi
# A zip that does not list cleanly is not a backup.
if command -v unzip >/dev/null; then unzip -tq "$FILE.part" >/dev/null; fi
mv "$FILE.part" "$FILE"
echo "$FILE"
