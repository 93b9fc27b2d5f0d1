#!/usr/bin/env bash
# A work plan with the client's approval (R8) and a special-hours visit (R16), as docs/work-plans.md walks
# through them. Needs curl, jq, GNU date and two of the demo tokens `npm start` prints: ANA (requester,
# ACME Logistics) and MARIA (tier-1 agent).
#   ANA=tf_… MARIA=tf_… examples/work-plan.sh        (API=http://host:port to reach another API)
set -euo pipefail
: "${ANA:?the requester token npm start printed for ana.ruiz@acme.example}"
: "${MARIA:?the agent token npm start printed for maria.lopez@ticketflow.local}"
API=${API:-http://127.0.0.1:3000}
cd "$(dirname "$0")"

# A request for field work is dispatched at intake: it starts at the Onsite tier with its field engineer (R21).
ticket=$(curl -sf "$API/tickets" -H "Authorization: Bearer $ANA" -H 'content-type: application/json' \
  -d @field-work-ticket.json | jq -r .number)
echo "opened $ticket"

call() { # method path token [body]: the answer's body, whatever its status
  curl -s -X "$1" "$API$2" -H "Authorization: Bearer $3" -H 'content-type: application/json' ${4:+-d "$4"}
}
act() { call POST "/tickets/$ticket/actions/$1" "$2" "$3"; }
plan() { # the shipped plan with its activity from $1 to $2
  jq -c --arg from "$1" --arg to "$2" '.activities[0].start = $from | .activities[0].end = $to' work-plan.json
}
act start-analysis "$MARIA" '{"note":"called the site contact"}' | jq -r '"start-analysis → \(.stage), tier \(.tier)"'

# 01:00–03:00 UTC is 06:30–08:30 in Kolkata, before ACME's calendar opens: special-hours work.
day() { date -u -d "+$1 days" +%Y-%m-%d; }
act draft-plan "$MARIA" "$(plan "$(day 1)T01:00:00Z" "$(day 1)T03:00:00Z")" |
  jq -r '"tomorrow → refused, earliest allowed start \(.earliestStart)"'
AT="$(day 21)T01:00:00Z"
act draft-plan "$MARIA" "$(plan "$AT" "$(day 21)T03:00:00Z")" |
  jq -r '"draft-plan → \(.plan.status), special hours: \(.plan.activities[0].specialHours)"'
act approve-plan "$ANA" '{"note":"fine by us"}' | jq -r '"approve-plan → \(.plan.status)"'

# The visit, inside the approved window; three weeks away is past the onsite promise, so it needs a reason.
call PUT "/tickets/$ticket/appointment" "$MARIA" \
  '{"at":"'"$AT"'","reason":"the client wants the cut-over at night, as the approved plan says"}' |
  jq -r '"appointment → \(.status) at \(.scheduledAt)"'
call GET "/tickets/$ticket/field-service" "$MARIA" |
  jq -r '.specialHours[] | "agreed window \(.start) – \(.end) for the field engineer"'

act start-activity "$MARIA" '{"activity":1,"note":"on site"}' | jq -r '"start-activity → \(.plan.activities[0].status)"'
act complete-activity "$MARIA" '{"activity":1,"note":"firmware 9.2 running"}' |
  jq -r '"complete-activity → \(.plan.activities[0].status)"'
