"""Run ../shared's `searcheval.evaluate` with TCP_NODELAY on its server's sockets (run from its folder).

The harness server writes a response's headers and body in two sends; on a kept-alive connection
Nagle's algorithm then holds the body until the browser's delayed ACK, about 40 ms per request on
localhost. Every lazily loading engine pays that once per query. This wrapper changes nothing else, so
search_bench.py can show query times with and without that stall.
"""
import os
import socket
import sys

sys.path.insert(0, os.getcwd())

from searcheval import evaluate, server  # noqa: E402

_init = server.LoggedServer.__init__


def _init_nodelay(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    handler = self.httpd.RequestHandlerClass
    setup = handler.setup

    def setup_nodelay(h):
        setup(h)
        h.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    handler.setup = setup_nodelay


server.LoggedServer.__init__ = _init_nodelay

if __name__ == "__main__":
    evaluate.main(sys.argv[1:])
