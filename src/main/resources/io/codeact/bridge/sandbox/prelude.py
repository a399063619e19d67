# The sandbox prelude: runs once in every session before the first code action.
#
# It defines the robot exception types code actions can catch, the import gate that names modules the
# robot sandbox does not offer, the runner that executes one action with CPython-like tracebacks, and
# the factory that turns API declarations into ordinary Python objects. Security does not depend on this
# file: files, sockets, processes, threads, native code and host classes are denied by the GraalPy
# context itself. This file only makes the denials readable and the APIs natural.
import builtins as _builtins
import sys as _sys

_sys.setrecursionlimit(__codeact_config__["recursion_limit"])
for _p in reversed(__codeact_config__["helper_paths"]):
    _sys.path.insert(0, _p)


class RobotError(Exception):
    """A robot, device or transport refused or failed a command. Base of all robot API errors."""

    def __init__(self, message, **details):
        super().__init__(message)
        self.details = details
        for _k, _v in details.items():
            setattr(self, _k, _v)


class SafetyViolation(RobotError):
    """The safety policy rejected a command. Attributes: rule, value, limit."""


class CommandTimeout(RobotError):
    """A command was sent but not confirmed by the device in time."""


class TransportError(RobotError):
    """The command could not be delivered (broker or ROS master unreachable, link down)."""


class SessionStopped(RobotError):
    """Motion is stopped (e-stop or cancel); a person must resume before motion commands work again."""


_ERROR_TYPES = {
    "RobotError": RobotError,
    "SafetyViolation": SafetyViolation,
    "CommandTimeout": CommandTimeout,
    "TransportError": TransportError,
    "SessionStopped": SessionStopped,
    "ValueError": ValueError,
    "TypeError": TypeError,
    "KeyError": KeyError,
    "LookupError": LookupError,
    "RuntimeError": RuntimeError,
}

# ---- the import gate: a clear ImportError for what the robot sandbox does not offer -----------------
_DENIED_MODULES = frozenset(__codeact_config__["denied_modules"])
_real_import = _builtins.__import__


def _gated_import(name, globals=None, locals=None, fromlist=(), level=0):
    # Only code actions are gated; the standard library's own imports pass (the context denies the
    # underlying capabilities anyway).
    if level == 0 and (globals is None or globals.get("__name__") == "__main__"):
        root = name.partition(".")[0]
        if root in _DENIED_MODULES or name in _DENIED_MODULES:
            raise ImportError(
                f"module '{name}' is not available in the robot sandbox "
                "(no files, sockets, processes, threads, signals or native code); "
                "use the robot APIs instead",
                name=name)
    return _real_import(name, globals, locals, fromlist, level)


_builtins.__import__ = _gated_import

# signal.alarm / setitimer would start a host timer thread even though thread creation is denied.
for _mod_name in ("signal", "_signal"):
    try:
        _mod = _real_import(_mod_name)
    except ImportError:
        continue
    for _fn in ("alarm", "setitimer", "signal", "pthread_kill", "raise_signal", "pause"):
        if hasattr(_mod, _fn):
            def _no_signals(*_a, _fn=_fn, **_k):
                raise PermissionError(f"signal.{_fn} is not available in the robot sandbox")
            setattr(_mod, _fn, _no_signals)


# exit()/quit() exist only where the site module ran; give actions the usual ones. os._exit would
# end the whole context abruptly; make it a hard exit the runner reports and the bridge acts on.
class _HardExit(BaseException):
    pass


def _exit(code=None):
    raise SystemExit(code)


_builtins.exit = _exit
_builtins.quit = _exit


def _signature(obj):
    try:
        return str(_real_import("inspect").signature(obj))
    except (TypeError, ValueError):
        return "(...)"


def _help(obj=None):
    """help(obj): the documentation of an object or robot API, as in the Python REPL."""
    if obj is None:
        print("Call help(obj) on an object, e.g. help(robot) or help(robot.base.drive).")
        return
    if isinstance(obj, _ApiObject):
        print(f"{obj._path}: {type(obj).__doc__}")
        for name, member in sorted(vars(obj).items()):
            if name.startswith("_"):
                continue
            if isinstance(member, _ApiObject):
                summary = (type(member).__doc__ or "").strip().splitlines()[:1]
                print(f"    {name}: {summary[0] if summary else ''}")
            else:
                summary = (member.__doc__ or "").strip().splitlines()[:1]
                print(f"    {name}{_signature(member)}: {summary[0] if summary else ''}")
        return
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None) or type(obj).__name__
    if callable(obj):
        print(f"{name}{_signature(obj)}")
    else:
        print(f"{name} ({type(obj).__name__})")
    doc = getattr(obj, "__doc__", None)
    if doc:
        print("")
        print(_real_import("textwrap").indent(_real_import("inspect").cleandoc(doc), "    "))


_builtins.help = _help


def _hard_exit(code):
    raise _HardExit(code)


for _mod_name in ("os", "posix"):
    _mod = _real_import(_mod_name)
    _mod._exit = _hard_exit

# ---- the action runner ---------------------------------------------------------------------------
import ast as _ast
import linecache as _linecache
import traceback as _traceback

_PRELUDE_FILE = __file__
_main = _sys.modules["__main__"].__dict__


def _is_ours(filename):
    return filename == _PRELUDE_FILE or filename.startswith("<api ")


def _strip_our_frames(te, seen):
    """Drops the prelude's and the API wrappers' frames from a TracebackException and its chain."""
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    kept = [frame for frame in te.stack if not _is_ours(frame.filename)]
    te.stack = _traceback.StackSummary.from_list(kept)
    _strip_our_frames(te.__cause__, seen)
    _strip_our_frames(te.__context__, seen)


_MAX_FRAMES = 40


def _format_error(exc):
    """type, message and a CPython-style traceback showing only the model's own code."""
    message = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    depth = 0
    tb = exc.__traceback__
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    if depth <= _MAX_FRAMES:
        te = _traceback.TracebackException(type(exc), exc, exc.__traceback__)
        _strip_our_frames(te, set())
        return (type(exc).__name__, message, "".join(te.format()))
    # Runaway recursion: formatting thousands of frames is slow and useless; show both ends.
    keep = _MAX_FRAMES // 2
    head = [f for f in _traceback.extract_tb(exc.__traceback__, limit=keep) if not _is_ours(f.filename)]
    tail = [f for f in _traceback.extract_tb(exc.__traceback__, limit=-keep) if not _is_ours(f.filename)]
    lines = ["Traceback (most recent call last):\n"]
    lines.extend(_traceback.StackSummary.from_list(head).format())
    lines.append(f"  [... {depth - 2 * keep} more frames ...]\n")
    lines.extend(_traceback.StackSummary.from_list(tail).format())
    lines.extend(_traceback.format_exception_only(type(exc), exc))
    return (type(exc).__name__, message, "".join(lines))


_NO_ECHO = _real_import("re").compile(
    r"(?:print\(|#|@|(?:def|class|if|elif|else|for|while|with|try|except|finally|import|from|return|pass|raise"
    r"|assert|del|global|nonlocal|break|continue|async|await)\b)"
    r"|[A-Za-z_][\w.]*(?:\[[^\]]*\])?(?:\s*,\s*[A-Za-z_][\w.]*)*\s*(?:[-+*/%&|^@]|//|\*\*|<<|>>)?=(?!=)")


def _may_end_in_expression(code):
    """False when the last line surely is not a bare expression worth echoing (saves a parse)."""
    lines = code.rstrip().splitlines()
    if not lines:
        return False
    last = lines[-1]
    if last[:1].isspace() or last.endswith((":", "\\")):
        return True
    return _NO_ECHO.match(last) is None


def _run(code, filename):
    """Runs one action in __main__. Returns None, ('error', type, message, traceback) or ('exit', code)."""
    _linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        last = None
        try:
            # compiling is the main cost of a small action in GraalPy: parse to an AST only when the
            # action may end in an expression whose value the model wants to see
            if _may_end_in_expression(code):
                tree = _ast.parse(code, filename, "exec")
                if tree.body and isinstance(tree.body[-1], _ast.Expr):
                    last = _ast.Expression(tree.body.pop().value)
                body = compile(tree, filename, "exec")
            else:
                body = compile(code, filename, "exec")
        except SyntaxError as e:
            return ("error", type(e).__name__, e.msg,
                    "".join(_traceback.format_exception_only(type(e), e)))
        try:
            exec(body, _main)
            if last is not None:
                value = eval(compile(last, filename, "eval"), _main)
                if value is not None:
                    print(repr(value))
            return None
        except _HardExit as e:
            return ("hard_exit", int(e.args[0]) if e.args and isinstance(e.args[0], int) else 1, "")
        except SystemExit as e:
            return ("exit", e.code if isinstance(e.code, int) else (0 if e.code is None else 1),
                    "" if e.code is None or isinstance(e.code, int) else str(e.code))
        except BaseException as e:
            return ("error",) + _format_error(e)
    finally:
        try:
            _sys.stdout.flush()
            _sys.stderr.flush()
        except BaseException:
            pass


# ---- exposing host APIs as Python objects --------------------------------------------------------
import json as _json


def _unwrap(reply):
    kind = reply[0]
    if kind == 0:
        return reply[1]
    if kind == 1:
        return _json.loads(reply[1])
    error_type = _ERROR_TYPES.get(reply[1], RobotError)
    details = _json.loads(reply[3]) if reply[3] else {}
    if issubclass(error_type, RobotError):
        raise error_type(reply[2], **details)
    raise error_type(reply[2])


class _ApiObject:
    """A namespace of robot functions, e.g. robot.base."""

    def __init__(self, path):
        self.__dict__["_path"] = path

    def __repr__(self):
        names = [n for n in self.__dict__ if not n.startswith("_")]
        return f"<{self._path}: {', '.join(sorted(names))}>"

    def __setattr__(self, name, value):
        raise AttributeError(f"{self._path} is read-only; '{name}' cannot be set")


def _build(spec, dispatch, path):
    kind = type(path.rpartition(".")[2], (_ApiObject,), {"__doc__": spec.get("doc") or f"API object {path}"})
    obj = kind(path)
    for fn in spec.get("functions", []):
        obj.__dict__[fn["name"]] = _make_function(fn, dispatch, f"{path}.{fn['name']}")
    for child in spec.get("children", []):
        obj.__dict__[child["name"]] = _build(child, dispatch, f"{path}.{child['name']}")
    return obj


def _make_function(fn, dispatch, qualname):
    params = []
    for p in fn["params"]:
        params.append(p["name"] if "default" not in p else f"{p['name']}={p['default']!r}")
    # arguments go to Java positionally, in declaration order (cheaper than building a dict per call)
    args = "".join(f", {p['name']}" for p in fn["params"])
    source = (f"def {fn['name']}({', '.join(params)}):\n"
              f"    return _unwrap(_dispatch({fn['id']!r}{args}))\n")
    scope = {"_unwrap": _unwrap, "_dispatch": dispatch}
    exec(compile(source, f"<api {qualname}>", "exec"), scope)
    function = scope[fn["name"]]
    function.__doc__ = fn.get("doc") or ""
    function.__qualname__ = qualname
    function.__module__ = "robot_api"
    return function


def _expose(name, spec_json, dispatch):
    spec = _json.loads(spec_json)
    if spec.get("function_only"):
        _main[name] = _make_function(spec["functions"][0], dispatch, name)
    else:
        _main[name] = _build(spec, dispatch, name)


for _name in ("RobotError", "SafetyViolation", "CommandTimeout", "TransportError", "SessionStopped"):
    globals()[_name].__module__ = "builtins"  # shown as a bare name in tracebacks, like built-in errors
    _main[_name] = globals()[_name]

for _m in __codeact_config__["pre_imports"]:
    _real_import(_m)
