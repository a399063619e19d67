package io.codeact.bridge.sandbox;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/** A context with the prelude run and the common modules imported, waiting for a session. */
record WarmContext(Context context, Value prelude, CappedOutput stdout, CappedOutput stderr) {}
