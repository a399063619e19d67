"""A PID controller for feedback loops in code actions (e.g. hold a heading or a temperature)."""


class PID:
    """u = kp*e + ki*integral(e) + kd*de/dt, with output limits and anti-windup."""

    def __init__(self, kp, ki=0.0, kd=0.0, out_min=None, out_max=None):
        self.kp, self.ki, self.kd = kp, ki, kd
        self.out_min, self.out_max = out_min, out_max
        self.integral = 0.0
        self.last_error = None

    def update(self, error, dt):
        """The control output for this error after dt seconds."""
        derivative = 0.0 if self.last_error is None or dt <= 0 else (error - self.last_error) / dt
        self.last_error = error
        candidate = self.integral + error * dt
        out = self.kp * error + self.ki * candidate + self.kd * derivative
        clipped = out
        if self.out_max is not None and clipped > self.out_max:
            clipped = self.out_max
        if self.out_min is not None and clipped < self.out_min:
            clipped = self.out_min
        if clipped == out:
            self.integral = candidate  # anti-windup: integrate only while not saturated
        return clipped

    def reset(self):
        self.integral = 0.0
        self.last_error = None
