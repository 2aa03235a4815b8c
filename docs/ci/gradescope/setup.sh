#!/usr/bin/env bash
# Gradescope autograder set-up (Ubuntu image): a JDK 17, and ThreadLab with its dependencies fetched once, so that
# grading runs offline. Zip this folder together with a checkout of ThreadLab in threadlab/ and upload it as the
# autograder.
set -euo pipefail
apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless git >/dev/null
cd /autograder/source/threadlab
./mvnw -B -q -ntp -DskipTests install
./grade --version
