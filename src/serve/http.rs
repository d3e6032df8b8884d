//! The one place that knows `tiny_http`. Page requests are answered by a fixed pool of
//! workers; each event stream gets a thread of its own (up to a cap), so that open
//! preview tabs can never take the workers that serve pages.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::routes::{self, Method, Reply, Routed};
use super::{Live, Wait};

/// A comment line on idle event streams, so that closed tabs are noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

pub struct Server {
    inner: Arc<tiny_http::Server>,
}

pub enum BindError {
    InUse,
    Denied,
    Unavailable,
    Other(String),
}

impl Server {
    pub fn bind(address: SocketAddr) -> Result<Server, BindError> {
        match tiny_http::Server::http(address) {
            Ok(server) => Ok(Server {
                inner: Arc::new(server),
            }),
            Err(error) => Err(
                match error.downcast_ref::<io::Error>().map(io::Error::kind) {
                    Some(io::ErrorKind::AddrInUse) => BindError::InUse,
                    Some(io::ErrorKind::PermissionDenied) => BindError::Denied,
                    Some(io::ErrorKind::AddrNotAvailable) => BindError::Unavailable,
                    _ => BindError::Other(error.to_string()),
                },
            ),
        }
    }

    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.inner.server_addr().to_ip()
    }
}

pub struct Running {
    server: Arc<tiny_http::Server>,
    stopping: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

impl Running {
    /// Lets the workers finish the request in hand, then joins them.
    pub fn stop(self) {
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

pub fn start(server: Server, live: Arc<Live>, workers: usize, max_streams: usize) -> Running {
    let stopping = Arc::new(AtomicBool::new(false));
    let streams = Arc::new(AtomicUsize::new(0));
    let handles = (0..workers)
        .filter_map(|n| {
            let server = Arc::clone(&server.inner);
            let live = Arc::clone(&live);
            let stopping = Arc::clone(&stopping);
            let streams = Arc::clone(&streams);
            thread::Builder::new()
                .name(format!("breachpage-http-{n}"))
                .spawn(move || work(&server, &live, &stopping, &streams, max_streams))
                .ok()
        })
        .collect();
    Running {
        server: server.inner,
        stopping,
        workers: handles,
    }
}

fn work(
    server: &tiny_http::Server,
    live: &Arc<Live>,
    stopping: &AtomicBool,
    streams: &Arc<AtomicUsize>,
    max_streams: usize,
) {
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
        let method = match request.method() {
            tiny_http::Method::Get => Method::Get,
            tiny_http::Method::Head => Method::Head,
            _ => Method::Other,
        };
        let snapshot = live.current();
        match routes::route(method, request.url(), &snapshot) {
            Routed::Reply(reply) => respond(request, reply),
            Routed::Events => open_stream(request, live, streams, max_streams),
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

fn open_stream(
    request: tiny_http::Request,
    live: &Arc<Live>,
    streams: &Arc<AtomicUsize>,
    max_streams: usize,
) {
    if streams.fetch_add(1, Ordering::SeqCst) >= max_streams {
        streams.fetch_sub(1, Ordering::SeqCst);
        respond(request, routes::too_many_streams());
        return;
    }
    let slot = Slot(Arc::clone(streams));
    let live = Arc::clone(live);
    let spawned = thread::Builder::new()
        .name("breachpage-events".to_string())
        .spawn(move || {
            let _slot = slot;
            let mut writer = request.into_writer();
            // A write fails once the tab is closed: that ends the stream.
            let _ = stream_events(&mut *writer, &live);
        });
    // Without a thread the request (and its connection) is dropped: the browser retries.
    drop(spawned);
}

/// Writes the response head and then one `reload` event per rebuild, starting with the
/// current generation so that a page that missed a rebuild while connecting reloads.
fn stream_events(writer: &mut dyn Write, live: &Live) -> io::Result<()> {
    writer.write_all(routes::EVENTS_HEAD.as_bytes())?;
    writer.write_all(b"retry: 1000\n\n")?;
    let mut seen = live.current().generation;
    write_event(writer, seen)?;
    loop {
        match live.wait_change(seen, HEARTBEAT) {
            Wait::Changed(generation) => {
                seen = generation;
                write_event(writer, generation)?;
            }
            Wait::TimedOut => {
                writer.write_all(b": still here\n\n")?;
                writer.flush()?;
            }
            Wait::Stopping => return Ok(()),
        }
    }
}

fn write_event(writer: &mut dyn Write, generation: u64) -> io::Result<()> {
    write!(writer, "event: reload\ndata: {generation}\n\n")?;
    writer.flush()
}
