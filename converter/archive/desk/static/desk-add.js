/* Adding reports: files dropped on the zone or picked with the file input are sent one after another;
   each shows its upload progress, then what the importer made of it. */
(function () {
  var Desk = window.Desk, el = Desk.el;
  var items = [];  /* {li, bar, state, id} per file sent in this page */
  var queue = [], sending = false;
  var STATUS = {waiting: "等待导入", importing: "正在导入", added: "已导入", updated: "已更新", unchanged: "未变化，已跳过"};

  function row(file) {
    var item = {bar: el("progress", {max: "100", value: "0", "aria-label": file.name + " 上传进度"}),
                state: el("span", {class: "upload-state", text: "等待上传"}), id: ""};
    item.li = el("li", {}, [el("span", {class: "upload-name", text: file.name}), item.bar, item.state]);
    document.getElementById("uploads").prepend(item.li);
    items.push(item);
    return item;
  }

  function refuse(item, message) {
    item.bar.remove();
    item.li.classList.add("failed");
    item.state.textContent = message;
  }

  function send() {
    if (sending || !queue.length) { return; }
    sending = true;
    var next = queue.shift(), limits = Desk.state && Desk.state.limits;
    if (limits && next.file.size > limits.bytes) {
      refuse(next.item, next.file.name + "：" + limits.too_large);
      sending = false;
      send();
      return;
    }
    next.item.state.textContent = "正在上传";
    Desk.upload(next.file, function (part) { next.item.bar.value = Math.round(part * 100); }).then(function (result) {
      sending = false;
      if (result.ok) {
        next.item.id = result.data.upload.id;
        next.item.bar.value = 100;
        show(next.item, result.data.upload);
      } else {
        refuse(next.item, result.data.message);
      }
      Desk.announce(next.file.name + "：" + next.item.state.textContent);
      send();
    });
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) { queue.push({file: file, item: row(file)}); });
    send();
  }

  function show(item, upload) {
    var state = Desk.clear(item.state);
    if (upload.status === "failed") {
      item.bar.remove();
      item.li.classList.add("failed");
      state.appendChild(el("a", {href: "#/upload/" + upload.id, text: upload.decision ? "需要决定：查看" : "未能导入：查看原因"}));
    } else if (upload.report) {
      item.bar.remove();
      state.appendChild(el("a", {href: "#/report/" + upload.report, text: (STATUS[upload.status] || "") + "：核对"}));
    } else {
      state.textContent = STATUS[upload.status] || upload.status;
    }
  }

  Desk.onState(function (state) {
    var uploads = {};
    state.uploads.forEach(function (upload) { uploads[upload.id] = upload; });
    items.forEach(function (item) {
      if (item.id && uploads[item.id]) { show(item, uploads[item.id]); }
    });
    document.getElementById("add-hint").textContent =
      "可以一次添加多个文件，每个不超过 " + Math.round(state.limits.bytes / 1048576) + " MB。";
    document.getElementById("files").setAttribute("accept", state.limits.suffixes.join(","));
  });

  document.addEventListener("DOMContentLoaded", function () {
    var drop = document.getElementById("drop"), input = document.getElementById("files");
    input.addEventListener("change", function () { add(input.files); input.value = ""; });
    drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("over");
      add(event.dataTransfer.files);
    });
  });
})();
