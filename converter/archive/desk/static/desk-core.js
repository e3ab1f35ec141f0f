/* The desk's shared parts: requests to the server (state-changing ones carry the session's token),
   building elements (text is always set as text, never as HTML), and what the server last said. */
(function () {
  var token = document.querySelector('meta[name="desk-token"]').getAttribute("content");
  var Desk = window.Desk = {state: null, screens: {}, listeners: []};

  /* el("a", {href: "#/", class: "x"}, ["text", el(...)]) */
  Desk.el = function (tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === false || value === null || value === undefined) { return; }
      if (name === "text") { node.textContent = value; } else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  };

  Desk.clear = function (node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
    return node;
  };

  function answer(response) {
    return response.json()
      .catch(function () { return {message: "服务器的回答无法读取。请刷新页面后重试。"}; })
      .then(function (data) { return {ok: response.ok, status: response.status, data: data}; });
  }

  function unreachable() {
    return {ok: false, status: 0, data: {message: "连接不到预览服务。请确认 archive serve 仍在运行，然后刷新页面。"}};
  }

  Desk.get = function (url) {
    return fetch(url, {cache: "no-store"}).then(answer, unreachable);
  };

  Desk.post = function (url, body) {
    return fetch(url, {
      method: "POST", cache: "no-store",
      headers: {"Content-Type": "application/json", "X-Desk-Token": token},
      body: JSON.stringify(body || {})
    }).then(answer, unreachable);
  };

  /* An upload with progress: XMLHttpRequest, because fetch cannot report how much was sent. */
  Desk.upload = function (file, onProgress) {
    return new Promise(function (resolve) {
      var request = new XMLHttpRequest();
      request.open("POST", "/_desk/api/upload");
      request.setRequestHeader("Content-Type", "application/octet-stream");
      request.setRequestHeader("X-Desk-Token", token);
      request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) { onProgress(event.loaded / event.total); }
      };
      request.onload = function () {
        var data;
        try { data = JSON.parse(request.responseText); } catch (e) { data = {message: "服务器的回答无法读取。"}; }
        resolve({ok: request.status >= 200 && request.status < 300, status: request.status, data: data});
      };
      request.onerror = function () { resolve(unreachable()); };
      request.send(file);
    });
  };

  Desk.announce = function (text) {
    var region = document.getElementById("announce");
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  };

  Desk.onState = function (listener) { Desk.listeners.push(listener); };

  Desk.refresh = function () {
    return Desk.get("/_desk/api/overview").then(function (result) {
      if (!result.ok) { return; }
      Desk.state = result.data;
      Desk.listeners.forEach(function (listener) { listener(Desk.state); });
    });
  };

  /* Waits for the server to say something changed (an import, a save, a build), then refreshes. */
  Desk.follow = function () {
    var since = Desk.state ? Desk.state.changes : "";
    Desk.get("/_desk/api/changes?since=" + since).then(function (result) {
      if (!result.ok) { window.setTimeout(Desk.follow, 3000); return; }
      var changed = !Desk.state || result.data.changes !== Desk.state.changes;
      (changed ? Desk.refresh() : Promise.resolve()).then(Desk.follow);
    });
  };

  Desk.time = function (seconds) {
    var date = new Date(seconds * 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate()) + " " +
      two(date.getHours()) + ":" + two(date.getMinutes());
  };
})();
