// The negative control of the XSS fixture (content/xss-control.md): does on purpose what a
// payload would do if it ran, so that the tests can show they notice.
window.__xss = 'control';
fetch('/__xss/control');
alert('control');
