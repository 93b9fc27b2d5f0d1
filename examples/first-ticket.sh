#!/usr/bin/env bash
# Drives one ticket from intake to CLOSED as the README's walk-through does. Needs curl and jq, and two of
# the demo tokens `npm start` prints: ANA (requester, ACME Logistics) and MARIA (tier-1 agent).
#   ANA=tf_… MARIA=tf_… examples/first-ticket.sh        (API=http://host:port to reach another API)
set -euo pipefail
: "${ANA:?the requester token npm start printed for ana.ruiz@acme.example}"
: "${MARIA:?the agent token npm start printed for maria.lopez@ticketflow.local}"
API=${API:-http://127.0.0.1:3000}
cd "$(dirname "$0")"

ticket=$(curl -sf "$API/tickets" -H "Authorization: Bearer $ANA" -H 'content-type: application/json' \
  -d @first-ticket.json | jq -r .number)
echo "opened $ticket"

act() {
  curl -sf "$API/tickets/$ticket/actions/$1" -H "Authorization: Bearer $2" \
    -H 'content-type: application/json' -d "$3" | jq -r --arg action "$1" '"\($action) → \(.stage)"'
}
act assign $MARIA '{"engineer":"maria.lopez@ticketflow.local"}'
act start-analysis $MARIA '{"note":"called the client"}'
act propose-solution $MARIA '{"solution":"renewed the SSO certificate"}'
act start-testing $MARIA '{}'
act accept $ANA '{"comment":"works"}'
act close $MARIA '{"resolution":"certificate renewed, expiry monitoring added"}'

curl -sf "$API/tickets/$ticket" -H "Authorization: Bearer $ANA" |
  jq '{number, stage, priority, timeline: [.timeline[].type]}'
