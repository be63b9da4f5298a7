#!/usr/bin/env bash
# Counts the top-level public types of core's unqualified exports (module-info `exports X;` without `to`).
cd "$(git rev-parse --show-toplevel)"
for pkg in $(sed -n 's/^ *exports \([a-z.]*\);/\1/p' core/src/main/java/module-info.java); do
  grep -l "^public " core/src/main/java/${pkg//.//}/*.java
done | wc -l
