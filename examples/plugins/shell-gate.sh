#!/bin/sh
# Customs gate plugin (protocol customs-plugin/1) in POSIX sh: fires when the image has more
# packages than the rule's max_packages. Needs only sh, tr, grep, sed and cut.
#
#   {"gate": "plugin:package-count", "trigger": "findings", "action": "WARN",
#    "params": [{"name": "max_packages", "value": "300"}]}
set -u

input=$(cat)

# The request kind sits near the start of the input; a describe request carries no image.
kind=$(printf '%s\n' "$input" | cut -c1-200 | sed -n 's/.*"kind" *: *"\([a-z]*\)".*/\1/p' | sed -n 1p)

if [ "$kind" = describe ]; then
  printf '%s\n' '{"description":"Fires when the image has more packages than max_packages.","params":[{"name":"max_packages","type":"int","required":true,"description":"The most packages the image may have."}]}'
  exit 0
fi
if [ "$kind" != gate ]; then
  echo "shell-gate: unsupported request kind '$kind' (this is a gate plugin)" >&2
  exit 1
fi

# params is the last member of the input, so the greedy match finds its max_packages.
max=$(printf '%s\n' "$input" | tr '\n' ' ' | sed -n 's/.*"max_packages" *: *\([0-9][0-9]*\).*/\1/p')
if [ -z "$max" ]; then
  echo "shell-gate: parameter max_packages is missing" >&2
  exit 1
fi

# Every package, and nothing else in the SBOM, has a foundBy member.
count=$(printf '%s\n' "$input" | tr ',{' '\n\n' | grep -c '^ *"foundBy" *:')

if [ "$count" -gt "$max" ]; then
  printf '{"findings":[{"trigger":"too_many_packages","message":"The image has %s packages, more than %s","identity":"package-count","action":"warn"}]}\n' "$count" "$max"
else
  printf '%s\n' '{"findings":[]}'
fi
