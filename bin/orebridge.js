#!/usr/bin/env node
import "../shared/t.ts";
