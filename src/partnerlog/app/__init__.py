"""The commands' bodies: data in, data out.

Each command's function (its spec's ``action``) takes the `runner.Session`
and the command's parsed values as keyword arguments, named as in its spec
(a name that is also a Python built-in ends in "_": ``id_``, ``all_``); it
returns data for the command's view, or a request (`app.requests`) the runner
satisfies. It never prints, prompts or reads stdin itself.
"""
