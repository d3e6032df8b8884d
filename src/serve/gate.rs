//! The preview's front door. `tiny_http` reads a request head without any bound (a 256 MB
//! header took 656 MB) and waits on an idle connection forever, and it offers no setting
//! for either; so the preview's listening socket is this gate's, written with `std::net`
//! only, and `tiny_http` listens on a loopback port of its own behind it.
//!
//! For each connection the gate reads one request head, at most [`MAX_HEAD`] bytes within
//! [`HEAD_TIMEOUT`] (else 431 or 408), passes it on with `Connection: close` and a secret
//! that the workers check (so that the inner port answers nobody else), copies the reply
//! back, and closes: one request per connection. It watches the client while the reply is
//! open, so that a closed preview tab frees its event stream at once.

use std::collections::HashSet;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::Live;

/// The largest request head (request line and headers) read; a larger one gets 431.
pub const MAX_HEAD: usize = 64 * 1024;
/// How long a new connection may take to send its whole request head; then 408. This is
/// also how long an idle connection is kept.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections open at once at most; one more gets 503 at once.
const MAX_CONNECTIONS: usize = 512;
/// The header by which the gate vouches for a request it passes on.
pub const GATE_HEADER: &str = "X-Breachpage-Gate";
/// Headers that a client sends and the gate does not pass on: the gate decides how the
/// inner connection is used, and a request body is never read (only GET and HEAD are
/// answered).
const DROPPED: [&str; 7] = [
    "connection",
    "keep-alive",
    "content-length",
    "transfer-encoding",
    "expect",
    "upgrade",
    "x-breachpage-gate",
];
const THREAD_STACK: usize = 128 * 1024;

/// The connections the gate has passed on, by number, while their clients are there.
pub struct Connections {
    secret: String,
    next: AtomicU64,
    open: Mutex<HashSet<u64>>,
    count: AtomicUsize,
    live: Arc<Live>,
}

impl Connections {
    pub fn new(live: Arc<Live>) -> Connections {
        Connections {
            secret: secret(),
            next: AtomicU64::new(1),
            open: Mutex::new(HashSet::new()),
            count: AtomicUsize::new(0),
            live,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashSet<u64>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The connection number in a request's gate header, if the gate sent the request.
    pub fn vouched(&self, value: Option<&str>) -> Option<u64> {
        let (secret, id) = value?.trim().split_once(' ')?;
        if secret != self.secret {
            return None;
        }
        id.parse().ok()
    }

    /// Whether the client of connection `id` is still there.
    pub fn is_open(&self, id: u64) -> bool {
        self.lock().contains(&id)
    }

    fn register(&self) -> u64 {
        let id = self.next.fetch_add(1, Ordering::SeqCst);
        self.lock().insert(id);
        id
    }

    /// The client of `id` has gone: wakes the event streams so that its stream ends.
    fn close(&self, id: u64) {
        self.lock().remove(&id);
        self.live.nudge();
    }
}

/// A secret that only this process knows, from the standard library's random hash keys.
fn secret() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut text = String::new();
    for n in 0..2u64 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(n);
        hasher.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        text.push_str(&format!("{:016x}", hasher.finish()));
    }
    text
}

pub struct Gate {
    stopping: Arc<AtomicBool>,
    address: SocketAddr,
    acceptor: Option<JoinHandle<()>>,
}

impl Gate {
    /// Accepts on `front` and passes requests on to `inner` (the `tiny_http` port).
    pub fn start(front: TcpListener, inner: SocketAddr, connections: Arc<Connections>) -> Gate {
        let stopping = Arc::new(AtomicBool::new(false));
        let address = front
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
        let acceptor = {
            let stopping = Arc::clone(&stopping);
            thread::Builder::new()
                .name("breachpage-gate".to_string())
                .spawn(move || accept(&front, inner, &connections, &stopping))
                .ok()
        };
        Gate {
            stopping,
            address,
            acceptor,
        }
    }

    pub fn stop(mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        // Wakes the acceptor blocked in `accept`.
        let mut wake = self.address;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake {
                SocketAddr::V4(_) => [127, 0, 0, 1].into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn accept(
    front: &TcpListener,
    inner: SocketAddr,
    connections: &Arc<Connections>,
    stopping: &AtomicBool,
) {
    loop {
        let accepted = front.accept();
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok((client, _)) = accepted else {
            // Such as too many open files: back off instead of spinning.
            thread::sleep(Duration::from_millis(20));
            continue;
        };
        if connections.count.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            connections.count.fetch_sub(1, Ordering::SeqCst);
            refuse(&client, 503, "Service Unavailable", "too many connections");
            continue;
        }
        let counted = Counted(Arc::clone(connections));
        let spawned = thread::Builder::new()
            .name("breachpage-connection".to_string())
            .stack_size(THREAD_STACK)
            .spawn(move || {
                let counted = counted;
                serve(client, inner, &counted.0);
            });
        // Without a thread the connection is dropped (and the count given back with the
        // closure): the browser tries again.
        drop(spawned);
    }
}

/// Gives the connection's place back however its thread ends.
struct Counted(Arc<Connections>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.count.fetch_sub(1, Ordering::SeqCst);
    }
}

enum HeadError {
    TooLarge,
    TimedOut,
    Closed,
}

/// Reads up to the blank line that ends a request head, within the bounds.
fn read_head(client: &mut TcpStream) -> Result<Vec<u8>, HeadError> {
    let deadline = Instant::now() + HEAD_TIMEOUT;
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::TimedOut);
        }
        client
            .set_read_timeout(Some(left))
            .map_err(|_| HeadError::Closed)?;
        // Never more than the bound in memory, whatever the client sends.
        let room = (MAX_HEAD + 1 - head.len()).min(chunk.len());
        let read = match client.read(&mut chunk[..room]) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(read) => read,
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(HeadError::TimedOut)
            }
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(HeadError::Closed),
        };
        let from = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..read]);
        if let Some(end) = find(&head[from..], b"\r\n\r\n") {
            head.truncate(from + end + 4);
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(HeadError::TooLarge);
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The head as passed on: without the connection and body headers the client sent, with
/// `Connection: close` and the gate's word for it.
fn rewrite(head: &[u8], secret: &str, id: u64) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.trim_end_matches("\r\n").split("\r\n");
    let mut out = String::with_capacity(head.len() + 96);
    out.push_str(lines.next().unwrap_or_default());
    out.push_str("\r\n");
    for line in lines {
        let name = line.split(':').next().unwrap_or_default().trim();
        if DROPPED.iter().any(|drop| name.eq_ignore_ascii_case(drop)) {
            continue;
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str(&format!(
        "Connection: close\r\n{GATE_HEADER}: {secret} {id}\r\n\r\n"
    ));
    out.into_bytes()
}

fn serve(mut client: TcpStream, inner: SocketAddr, connections: &Arc<Connections>) {
    let _ = client.set_nodelay(true);
    let head = match read_head(&mut client) {
        Ok(head) => head,
        Err(HeadError::TooLarge) => {
            let message = format!("the request head is larger than {} KB", MAX_HEAD / 1024);
            return refuse(&client, 431, "Request Header Fields Too Large", &message);
        }
        Err(HeadError::TimedOut) => {
            let message = format!(
                "no complete request within {} seconds",
                HEAD_TIMEOUT.as_secs()
            );
            return refuse(&client, 408, "Request Timeout", &message);
        }
        Err(HeadError::Closed) => return,
    };
    let id = connections.register();
    let _registered = Registered(Arc::clone(connections), id);
    let backend = match TcpStream::connect_timeout(&inner, Duration::from_secs(5)) {
        Ok(backend) => backend,
        Err(_) => {
            return refuse(
                &client,
                503,
                "Service Unavailable",
                "the preview is stopping",
            )
        }
    };
    let _ = backend.set_nodelay(true);
    if (&backend)
        .write_all(&rewrite(&head, &connections.secret, id))
        .is_err()
    {
        return refuse(
            &client,
            503,
            "Service Unavailable",
            "the preview is stopping",
        );
    }
    let (Ok(reply_from), Ok(reply_to)) = (backend.try_clone(), client.try_clone()) else {
        return;
    };
    let pump = thread::Builder::new()
        .name("breachpage-reply".to_string())
        .stack_size(THREAD_STACK)
        .spawn(move || copy_reply(reply_from, reply_to));
    match pump {
        Ok(pump) => {
            watch_client(&client);
            // The client is gone, or the reply is complete and closed the connection.
            let _ = backend.shutdown(Shutdown::Both);
            let _ = client.shutdown(Shutdown::Both);
            let _ = pump.join();
        }
        Err(_) => {
            if let (Ok(from), Ok(to)) = (backend.try_clone(), client.try_clone()) {
                copy_reply(from, to);
            }
        }
    }
}

/// Ends the connection's registration (and so its event stream) when the thread ends.
struct Registered(Arc<Connections>, u64);

impl Drop for Registered {
    fn drop(&mut self) {
        self.0.close(self.1);
    }
}

/// Returns when the client closes its end (or [`copy_reply`] closes it). Whatever else
/// the client sends is read and dropped: one request per connection.
fn watch_client(mut client: &TcpStream) {
    let _ = client.set_read_timeout(None);
    let mut sink = [0u8; 1024];
    loop {
        match client.read(&mut sink) {
            Ok(0) => return,
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return,
        }
    }
}

/// Copies the reply to the client, saying `Connection: close` after its status line,
/// then closes the client's connection.
fn copy_reply(mut from: TcpStream, mut to: TcpStream) {
    let mut buffer = vec![0u8; 16 * 1024];
    let mut status_line_seen = false;
    let mut start = Vec::new();
    loop {
        let read = match from.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        let written = if status_line_seen {
            to.write_all(&buffer[..read])
        } else {
            start.extend_from_slice(&buffer[..read]);
            match find(&start, b"\r\n") {
                Some(end) => {
                    status_line_seen = true;
                    let mut out = Vec::with_capacity(start.len() + 19);
                    out.extend_from_slice(&start[..end + 2]);
                    out.extend_from_slice(b"Connection: close\r\n");
                    out.extend_from_slice(&start[end + 2..]);
                    start = Vec::new();
                    to.write_all(&out)
                }
                None if start.len() > 1024 => {
                    status_line_seen = true;
                    to.write_all(&std::mem::take(&mut start))
                }
                None => Ok(()),
            }
        };
        if written.is_err() {
            break;
        }
    }
    if !start.is_empty() {
        let _ = to.write_all(&start);
    }
    let _ = to.flush();
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}

/// Answers with `status` and a line of text, then closes without resetting the
/// connection, so that the client reads the answer even if it was still sending.
fn refuse(mut client: &TcpStream, status: u16, reason: &str, message: &str) {
    let body = format!("{status} {reason}: {message}\n");
    let reply = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = client.set_write_timeout(Some(Duration::from_secs(2)));
    if client.write_all(reply.as_bytes()).is_err() {
        return;
    }
    let _ = client.flush();
    let _ = client.shutdown(Shutdown::Write);
    // Reads what is still coming, briefly and boundedly: closing with unread data would
    // reset the connection and could lose the answer.
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut drained = 0usize;
    let mut sink = [0u8; 4096];
    let _ = client.set_read_timeout(Some(Duration::from_millis(200)));
    while drained < 4 * MAX_HEAD && Instant::now() < deadline {
        match client.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(read) => drained += read,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passed_on_head_closes_and_carries_the_gate_header_only_once() {
        let head = b"GET / HTTP/1.1\r\nHost: localhost:8000\r\nConnection: keep-alive\r\nX-Breachpage-Gate: forged 7\r\nContent-Length: 5\r\nAccept: */*\r\n\r\n";
        let out = String::from_utf8(rewrite(head, "s3cret", 42)).unwrap();
        assert_eq!(
            out,
            "GET / HTTP/1.1\r\nHost: localhost:8000\r\nAccept: */*\r\nConnection: close\r\nX-Breachpage-Gate: s3cret 42\r\n\r\n"
        );
    }

    #[test]
    fn only_the_secret_vouches() {
        let live = Arc::new(Live::new());
        let connections = Connections::new(live);
        let good = format!("{} 9", connections.secret);
        assert_eq!(connections.vouched(Some(&good)), Some(9));
        assert_eq!(connections.vouched(Some("guess 9")), None);
        assert_eq!(connections.vouched(None), None);
        assert_ne!(secret(), secret());
    }
}
