//! The one place that knows `tiny_http`. Page requests are answered by a fixed pool of
//! workers; each event stream gets a thread of its own (up to a cap), so that open
//! preview tabs can never take the workers that serve pages. `tiny_http` listens on a
//! loopback port of its own behind the [`gate`](super::gate), which bounds what it reads.
//! Every request must name the preview in its `Host` header (see
//! [`routes::host_allowed`]): a web page elsewhere cannot read the preview through a
//! name that it makes point at this computer (DNS rebinding).

use std::io::{self, Write};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::gate::{self, Connections, Gate};
use super::routes::{self, Method, Reply, Routed};
use super::{Live, Wait};

/// A comment line on idle event streams, so that nothing between closes them as idle.
const HEARTBEAT: Duration = Duration::from_secs(15);

pub struct Server {
    /// The listening socket that browsers reach, read by the gate.
    front: TcpListener,
    /// `tiny_http`, on a loopback port that only the gate uses.
    inner: Arc<tiny_http::Server>,
    inner_address: SocketAddr,
}

pub enum BindError {
    InUse,
    Denied,
    Unavailable,
    Other(String),
}

impl Server {
    pub fn bind(address: SocketAddr) -> Result<Server, BindError> {
        let front = TcpListener::bind(address).map_err(|error| match error.kind() {
            io::ErrorKind::AddrInUse => BindError::InUse,
            io::ErrorKind::PermissionDenied => BindError::Denied,
            io::ErrorKind::AddrNotAvailable => BindError::Unavailable,
            _ => BindError::Other(error.to_string()),
        })?;
        let inner = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .or_else(|_| TcpListener::bind(SocketAddr::from((Ipv6Addr::LOCALHOST, 0))))
            .map_err(|error| BindError::Other(error.to_string()))?;
        let inner_address = inner
            .local_addr()
            .map_err(|error| BindError::Other(error.to_string()))?;
        let inner = tiny_http::Server::from_listener(inner, None)
            .map_err(|error| BindError::Other(error.to_string()))?;
        Ok(Server {
            front,
            inner: Arc::new(inner),
            inner_address,
        })
    }

    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.front.local_addr().ok()
    }
}

pub struct Running {
    server: Arc<tiny_http::Server>,
    gate: Gate,
    stopping: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

impl Running {
    /// Closes the door, lets the workers finish the request in hand, then joins them.
    pub fn stop(self) {
        self.gate.stop();
        self.stopping.store(true, Ordering::SeqCst);
        // Each call wakes one worker blocked waiting for a request.
        for _ in &self.workers {
            self.server.unblock();
        }
        for worker in self.workers {
            let _ = worker.join();
        }
    }
}

/// What every worker shares.
struct Shared {
    live: Arc<Live>,
    connections: Arc<Connections>,
    /// The address browsers reach, which the `Host` header must name.
    bound: SocketAddr,
    streams: Arc<AtomicUsize>,
    max_streams: usize,
}

pub fn start(server: Server, live: Arc<Live>, workers: usize, max_streams: usize) -> Running {
    let stopping = Arc::new(AtomicBool::new(false));
    let connections = Arc::new(Connections::new(Arc::clone(&live)));
    let bound = server
        .local_addr()
        .unwrap_or_else(|| SocketAddr::from((Ipv4Addr::LOCALHOST, 0)));
    let shared = Arc::new(Shared {
        live,
        connections: Arc::clone(&connections),
        bound,
        streams: Arc::new(AtomicUsize::new(0)),
        max_streams,
    });
    let handles = (0..workers)
        .filter_map(|n| {
            let server = Arc::clone(&server.inner);
            let shared = Arc::clone(&shared);
            let stopping = Arc::clone(&stopping);
            thread::Builder::new()
                .name(format!("breachpage-http-{n}"))
                .spawn(move || work(&server, &shared, &stopping))
                .ok()
        })
        .collect();
    let gate = Gate::start(server.front, server.inner_address, connections);
    Running {
        server: server.inner,
        gate,
        stopping,
        workers: handles,
    }
}

fn header<'a>(request: &'a tiny_http::Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|header| header.field.equiv(name))
        .map(|header| header.value.as_str())
}

fn work(server: &tiny_http::Server, shared: &Shared, stopping: &AtomicBool) {
    loop {
        let received = server.recv();
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(request) = received else {
            // An accept error (such as too many open files): back off instead of spinning.
            thread::sleep(Duration::from_millis(20));
            continue;
        };
        // Only the gate reaches this port; anyone else who finds it is turned away.
        let Some(connection) = shared
            .connections
            .vouched(header(&request, gate::GATE_HEADER))
        else {
            respond(request, routes::forbidden());
            continue;
        };
        if !routes::host_allowed(header(&request, "Host"), shared.bound) {
            respond(request, routes::misdirected(shared.bound));
            continue;
        }
        let method = match request.method() {
            tiny_http::Method::Get => Method::Get,
            tiny_http::Method::Head => Method::Head,
            _ => Method::Other,
        };
        let snapshot = shared.live.current();
        match routes::route(method, request.url(), &snapshot) {
            Routed::Reply(reply) => respond(request, reply),
            Routed::Events => open_stream(request, shared, connection),
        }
    }
}

fn respond(request: tiny_http::Request, reply: Reply) {
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    for (name, value) in &reply.headers {
        if let Ok(header) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    // The client may have gone away; there is no one left to tell.
    let _ = request.respond(response);
}

/// Gives the stream slot back when the stream's thread ends, however it ends.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn open_stream(request: tiny_http::Request, shared: &Shared, connection: u64) {
    let streams = &shared.streams;
    if streams.fetch_add(1, Ordering::SeqCst) >= shared.max_streams {
        streams.fetch_sub(1, Ordering::SeqCst);
        respond(request, routes::too_many_streams());
        return;
    }
    let slot = Slot(Arc::clone(streams));
    let live = Arc::clone(&shared.live);
    let connections = Arc::clone(&shared.connections);
    let spawned = thread::Builder::new()
        .name("breachpage-events".to_string())
        .spawn(move || {
            let _slot = slot;
            let mut writer = request.into_writer();
            // Ends when the gate sees the tab close (or a write fails): the slot is free.
            let gone = || !connections.is_open(connection);
            let _ = stream_events(&mut *writer, &live, &gone);
        });
    // Without a thread the request (and its connection) is dropped: the browser retries.
    drop(spawned);
}

/// Writes the response head and then one `reload` event per rebuild, starting with the
/// current generation so that a page that missed a rebuild while connecting reloads.
fn stream_events(writer: &mut dyn Write, live: &Live, gone: &dyn Fn() -> bool) -> io::Result<()> {
    writer.write_all(routes::EVENTS_HEAD.as_bytes())?;
    writer.write_all(b"retry: 1000\n\n")?;
    let mut seen = live.current().generation;
    write_event(writer, seen)?;
    loop {
        match live.wait_change_unless(seen, HEARTBEAT, gone) {
            Wait::Changed(generation) => {
                seen = generation;
                write_event(writer, generation)?;
            }
            Wait::TimedOut => {
                writer.write_all(b": still here\n\n")?;
                writer.flush()?;
            }
            Wait::Stopping | Wait::Gone => return Ok(()),
        }
    }
}

fn write_event(writer: &mut dyn Write, generation: u64) -> io::Result<()> {
    write!(writer, "event: reload\ndata: {generation}\n\n")?;
    writer.flush()
}
