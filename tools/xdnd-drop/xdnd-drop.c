/*
 * xdnd-drop drops files on an X11 window as a file manager would: a real
 * XDND exchange (Drag-and-Drop Protocol for the X Window System, versions
 * 2 to 5), offering the files as text/uri-list. The smoke test
 * (.ci/smoke.sh) uses it to drop photos on Veil's window under Xvfb.
 *
 * usage: xdnd-drop WINDOW X Y FILE...
 *   WINDOW  the target top-level window id (decimal, or 0x-prefixed hex,
 *           as `xdotool search` prints it)
 *   X Y     the drop point, in the window's own coordinates
 *   FILE    absolute paths of the files to drop
 *
 * The exchange, as the source side of the protocol:
 *   1. the target's XdndAware property gives its protocol version;
 *   2. we own the XdndSelection selection and send XdndEnter (the version
 *      and our one type, text/uri-list) and XdndPosition (the pointer in
 *      root coordinates, XdndActionCopy);
 *   3. the target answers XdndStatus; bit 0 of data.l[1] says it accepts;
 *   4. we send XdndDrop; the target converts XdndSelection to
 *      text/uri-list, and we answer its SelectionRequest with the list
 *      (file:// URIs, percent-encoded, CRLF-terminated, RFC 2483 §5);
 *   5. the target sends XdndFinished; data.l[1] (version 5) says whether
 *      it took the drop.
 * Exit status 0 when the target took the drop, 1 otherwise, 2 on misuse.
 * Every wait is bounded (TIMEOUT_MS), so a target that never answers
 * fails the smoke test instead of hanging it.
 *
 * Build: cc -O2 -o xdnd-drop xdnd-drop.c -lX11 (Debian package libx11-dev).
 */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PROTOCOL_VERSION 5 /* the newest version this source speaks */
#define MIN_VERSION 2      /* XdndFinished and actions exist from version 2 */
#define TIMEOUT_MS 10000

/* atoms holds the interned names the exchange uses. */
static struct {
	Atom aware, selection, enter, position, status, leave, drop, finished;
	Atom copy, uri_list, targets;
} atoms;

/* drag is one drag in progress: the two windows and the server time. */
struct drag {
	Display *dpy;
	Window source, target;
	Time time;
	int version;
	const char *uris;
};

static void intern_atoms(Display *dpy)
{
	atoms.aware = XInternAtom(dpy, "XdndAware", False);
	atoms.selection = XInternAtom(dpy, "XdndSelection", False);
	atoms.enter = XInternAtom(dpy, "XdndEnter", False);
	atoms.position = XInternAtom(dpy, "XdndPosition", False);
	atoms.status = XInternAtom(dpy, "XdndStatus", False);
	atoms.leave = XInternAtom(dpy, "XdndLeave", False);
	atoms.drop = XInternAtom(dpy, "XdndDrop", False);
	atoms.finished = XInternAtom(dpy, "XdndFinished", False);
	atoms.copy = XInternAtom(dpy, "XdndActionCopy", False);
	atoms.uri_list = XInternAtom(dpy, "text/uri-list", False);
	atoms.targets = XInternAtom(dpy, "TARGETS", False);
}

/* aware_version returns the version in the window's XdndAware property,
 * or -1 when the window does not take drops. */
static int aware_version(Display *dpy, Window w)
{
	Atom type;
	int format;
	unsigned long n, after;
	unsigned char *data = NULL;
	int version = -1;

	if (XGetWindowProperty(dpy, w, atoms.aware, 0, 1, False, XA_ATOM, &type,
			       &format, &n, &after, &data) == Success &&
	    type == XA_ATOM && format == 32 && n == 1)
		version = (int)*(unsigned long *)data;
	if (data)
		XFree(data);
	return version;
}

/* server_time asks the server for a timestamp: a zero-length append to a
 * property of our own window comes back as a PropertyNotify carrying it.
 * Owning a selection and dropping at CurrentTime would be refused by some
 * targets (ICCCM §2.1). */
static Time server_time(Display *dpy, Window w)
{
	XEvent ev;
	Atom a = XInternAtom(dpy, "VEIL_XDND_TIME", False);

	XChangeProperty(dpy, w, a, XA_STRING, 8, PropModeAppend, NULL, 0);
	XWindowEvent(dpy, w, PropertyChangeMask, &ev);
	return ev.xproperty.time;
}

/* send_message sends one XDND client message to the target. */
static void send_message(struct drag *d, Atom type, long l1, long l2, long l3, long l4)
{
	XEvent ev;

	memset(&ev, 0, sizeof ev);
	ev.xclient.type = ClientMessage;
	ev.xclient.display = d->dpy;
	ev.xclient.window = d->target;
	ev.xclient.message_type = type;
	ev.xclient.format = 32;
	ev.xclient.data.l[0] = (long)d->source;
	ev.xclient.data.l[1] = l1;
	ev.xclient.data.l[2] = l2;
	ev.xclient.data.l[3] = l3;
	ev.xclient.data.l[4] = l4;
	XSendEvent(d->dpy, d->target, False, NoEventMask, &ev);
	XFlush(d->dpy);
}

/* append_uri appends path as a file:// URI and CRLF to out (of size cap),
 * percent-encoding every byte outside RFC 3986's unreserved set and "/".
 * It returns the new length, or -1 when out is too small. */
static long append_uri(char *out, long len, long cap, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	if (len + 7 >= cap)
		return -1;
	memcpy(out + len, "file://", 7);
	len += 7;
	for (p = (const unsigned char *)path; *p; p++) {
		if (len + 3 >= cap)
			return -1;
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			out[len++] = (char)*p;
			continue;
		}
		out[len++] = '%';
		out[len++] = hex[*p >> 4];
		out[len++] = hex[*p & 15];
	}
	if (len + 2 >= cap)
		return -1;
	out[len++] = '\r';
	out[len++] = '\n';
	out[len] = '\0';
	return len;
}

/* uri_list returns the text/uri-list of the files, or NULL when a path is
 * not absolute. The caller frees it. */
static char *uri_list(char **files, int n)
{
	long cap = 1, len = 0;
	char *out;
	int i;

	for (i = 0; i < n; i++) {
		if (files[i][0] != '/') {
			fprintf(stderr, "xdnd-drop: %s is not an absolute path\n", files[i]);
			return NULL;
		}
		cap += 3 * (long)strlen(files[i]) + 9;
	}
	out = malloc((size_t)cap);
	for (i = 0; out && i < n && len >= 0; i++)
		len = append_uri(out, len, cap, files[i]);
	if (out && len < 0) {
		free(out);
		out = NULL;
	}
	return out;
}

/* answer_request answers the target's request for the selection: the URI
 * list for text/uri-list, our one type for TARGETS, a refusal otherwise. */
static void answer_request(struct drag *d, XSelectionRequestEvent *req)
{
	XEvent reply;
	Atom prop = req->property != None ? req->property : req->target;

	memset(&reply, 0, sizeof reply);
	reply.xselection.type = SelectionNotify;
	reply.xselection.display = req->display;
	reply.xselection.requestor = req->requestor;
	reply.xselection.selection = req->selection;
	reply.xselection.target = req->target;
	reply.xselection.time = req->time;
	reply.xselection.property = prop;
	if (req->selection == atoms.selection && req->target == atoms.uri_list)
		XChangeProperty(d->dpy, req->requestor, prop, atoms.uri_list, 8,
				PropModeReplace, (const unsigned char *)d->uris,
				(int)strlen(d->uris));
	else if (req->selection == atoms.selection && req->target == atoms.targets)
		XChangeProperty(d->dpy, req->requestor, prop, XA_ATOM, 32,
				PropModeReplace, (const unsigned char *)&atoms.uri_list, 1);
	else
		reply.xselection.property = None;
	XSendEvent(d->dpy, req->requestor, False, NoEventMask, &reply);
	XFlush(d->dpy);
}

/* now_ms returns a monotonic clock in milliseconds. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* wait_for waits for the client message of the given type from the
 * target, answering selection requests meanwhile. It returns 1 with the
 * message in *out, or 0 after TIMEOUT_MS. */
static int wait_for(struct drag *d, Atom type, XClientMessageEvent *out)
{
	long long deadline = now_ms() + TIMEOUT_MS;
	struct pollfd pfd = { .fd = ConnectionNumber(d->dpy), .events = POLLIN };
	XEvent ev;

	for (;;) {
		while (XPending(d->dpy)) {
			XNextEvent(d->dpy, &ev);
			if (ev.type == SelectionRequest)
				answer_request(d, &ev.xselectionrequest);
			else if (ev.type == ClientMessage && ev.xclient.message_type == type &&
				 (Window)ev.xclient.data.l[0] == d->target) {
				*out = ev.xclient;
				return 1;
			}
		}
		long long left = deadline - now_ms();
		if (left <= 0)
			return 0;
		poll(&pfd, 1, (int)left);
	}
}

/* root_point converts a point in the target window to root coordinates. */
static long root_point(Display *dpy, Window target, int x, int y)
{
	int rx, ry;
	Window child;

	XTranslateCoordinates(dpy, target, DefaultRootWindow(dpy), x, y, &rx, &ry, &child);
	return ((long)rx << 16) | (ry & 0xFFFF);
}

/* run drags the URI list over the target, at (x, y), and drops it. */
static int run(struct drag *d, int x, int y)
{
	XClientMessageEvent msg;

	send_message(d, atoms.enter, (long)d->version << 24, (long)atoms.uri_list, None, None);
	send_message(d, atoms.position, 0, root_point(d->dpy, d->target, x, y),
		     (long)d->time, (long)atoms.copy);
	if (!wait_for(d, atoms.status, &msg)) {
		fprintf(stderr, "xdnd-drop: no XdndStatus from the target\n");
		return 1;
	}
	if (!(msg.data.l[1] & 1)) {
		send_message(d, atoms.leave, 0, 0, 0, 0);
		fprintf(stderr, "xdnd-drop: the target refuses text/uri-list here\n");
		return 1;
	}
	send_message(d, atoms.drop, 0, (long)d->time, 0, 0);
	if (!wait_for(d, atoms.finished, &msg)) {
		fprintf(stderr, "xdnd-drop: no XdndFinished from the target\n");
		return 1;
	}
	/* Bit 0 of data.l[1] means accepted, the other bits are reserved; GLFW
	 * (Fyne's window) puts the byte count of the list read there instead,
	 * so any non-zero value counts as accepted. */
	if (d->version >= 5 && msg.data.l[1] == 0) {
		fprintf(stderr, "xdnd-drop: the target did not take the drop\n");
		return 1;
	}
	return 0;
}

/* open_drag connects, checks the target and takes the selection. */
static int open_drag(struct drag *d, const char *window)
{
	XSetWindowAttributes attrs = { .event_mask = PropertyChangeMask };
	int aware;

	d->dpy = XOpenDisplay(NULL);
	if (!d->dpy) {
		fprintf(stderr, "xdnd-drop: cannot open display %s\n", XDisplayName(NULL));
		return 0;
	}
	intern_atoms(d->dpy);
	d->target = (Window)strtoul(window, NULL, 0);
	aware = aware_version(d->dpy, d->target);
	if (aware < MIN_VERSION) {
		fprintf(stderr, "xdnd-drop: window %s takes no XDND drops (XdndAware %d)\n", window, aware);
		return 0;
	}
	d->version = aware < PROTOCOL_VERSION ? aware : PROTOCOL_VERSION;
	d->source = XCreateWindow(d->dpy, DefaultRootWindow(d->dpy), -10, -10, 1, 1, 0,
				  CopyFromParent, InputOnly, CopyFromParent, CWEventMask, &attrs);
	d->time = server_time(d->dpy, d->source);
	XSetSelectionOwner(d->dpy, atoms.selection, d->source, d->time);
	if (XGetSelectionOwner(d->dpy, atoms.selection) != d->source) {
		fprintf(stderr, "xdnd-drop: cannot own XdndSelection\n");
		return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	struct drag d = { 0 };
	int status;

	if (argc < 5) {
		fprintf(stderr, "usage: xdnd-drop WINDOW X Y FILE...\n");
		return 2;
	}
	d.uris = uri_list(argv + 4, argc - 4);
	if (!d.uris)
		return 2;
	if (!open_drag(&d, argv[1]))
		return 1;
	status = run(&d, atoi(argv[2]), atoi(argv[3]));
	XCloseDisplay(d.dpy);
	return status;
}
