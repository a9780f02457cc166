#!/usr/bin/env bash
# Posts a webhook signed the Standard Webhooks way (https://www.standardwebhooks.com/), as an OA system would:
#   webhook-id:        unique per event, the same on every retry (the hub acknowledges a repeat without a second row)
#   webhook-timestamp: Unix seconds, signed, checked against a 5-minute tolerance
#   webhook-signature: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">, keyed with the base64 part of whsec_...
#
# Usage: OA_WEBHOOK_SECRET=whsec_... samples/webhook/post-signed.sh [event.json] [url] [webhook-id]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
body_file="${1:-$here/oa-document-event.json}"
url="${2:-http://127.0.0.1:5080/webhooks/oa-push}"
id="${3:-msg_$(openssl rand -hex 12)}"
secret="${OA_WEBHOOK_SECRET:?set OA_WEBHOOK_SECRET to the whsec_ secret of the connector}"

timestamp="$(date +%s)"
key_hex="$(printf '%s' "${secret#whsec_}" | openssl base64 -d -A | od -An -vtx1 | tr -d ' \n')"
# Sign the exact bytes that are sent: the file as is, no re-encoding, no trailing-newline games.
signed_content() {
  printf '%s.%s.' "$id" "$timestamp"
  cat "$body_file"
}
signature="$(signed_content | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | openssl base64 -A)"

curl --silent --show-error --fail-with-body \
  -H "Content-Type: application/json" \
  -H "webhook-id: $id" \
  -H "webhook-timestamp: $timestamp" \
  -H "webhook-signature: v1,$signature" \
  --data-binary "@$body_file" \
  "$url"
echo
