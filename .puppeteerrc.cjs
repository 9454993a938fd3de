// Nothing in this project may download a browser at install time (no network beyond the package registries).
module.exports = { skipDownload: true };
