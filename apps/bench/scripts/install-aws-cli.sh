#!/bin/sh
# Installs the AWS CLI from Debian's `awscli` package (2.9 on bookworm) for the cold-start
# suite's CLI rows (`aws sts get-caller-identity`, `aws eks get-token`). Safe to run again:
# an installed package is left as it is. Needs apt-get, and root or sudo.
set -eu

if dpkg-query -W -f='${Status}' awscli 2>/dev/null | grep -q "install ok installed"; then
  echo "awscli is installed: $(/usr/bin/aws --version 2>&1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-aws-cli.sh: apt-get not found; install the AWS CLI yourself (https://aws.amazon.com/cli/)" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends awscli
echo "awscli is installed: $(/usr/bin/aws --version 2>&1)"
