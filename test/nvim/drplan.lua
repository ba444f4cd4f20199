-- A minimal Neovim config (0.7 or newer) that runs drplan-language-server on one plan, waits for
-- its diagnostics and writes them as JSON. Used by test/nvim/nvim.test.ts:
--
--   DRPLAN_NVIM_PLAN=<plan> DRPLAN_NVIM_OUT=<out.json> nvim --headless --clean -u test/nvim/drplan.lua <plan>
--
-- Environment:
--   DRPLAN_NVIM_PLAN     the plan to open (required; opened here if it is not already the buffer)
--   DRPLAN_NVIM_OUT      where to write the JSON (required)
--   DRPLAN_NVIM_LOCALE   initializationOptions.locale ('en' or 'de'; default 'en')
--   DRPLAN_NVIM_TODAY    initializationOptions.today (YYYY-MM-DD; default: the server's today)
--   DRPLAN_NVIM_TIMEOUT  milliseconds to wait for diagnostics (default 10000)
--   DRPLAN_NVIM_SERVER   the server script (default <repo>/dist/server.js, found from this file)
--
-- The JSON is { "filetype": ..., "diagnostics": [vim.diagnostic.get(bufnr)...] } and nvim exits 0;
-- on any failure it is { "error": "..." } and nvim exits 2 (`:2cquit`), so the test reports why.
-- Neovim 0.7.2 gives each diagnostic lnum, col, end_lnum, end_col (0-based, col in bytes), severity
-- (1 = error ... 4 = hint), message, source, code and user_data.lsp.code (the same code, deprecated).

vim.o.swapfile = false
vim.o.shadafile = 'NONE'

local out = os.getenv('DRPLAN_NVIM_OUT')
local plan = os.getenv('DRPLAN_NVIM_PLAN')
local locale = os.getenv('DRPLAN_NVIM_LOCALE') or 'en'
local today = os.getenv('DRPLAN_NVIM_TODAY')
local timeout = tonumber(os.getenv('DRPLAN_NVIM_TIMEOUT') or '') or 10000

local this_file = debug.getinfo(1, 'S').source:gsub('^@', '')
local root = vim.fn.fnamemodify(this_file, ':p:h:h:h')
local server = os.getenv('DRPLAN_NVIM_SERVER') or (root .. '/dist/server.js')

local function write(value)
  if not out or out == '' then
    io.stderr:write('drplan.lua: DRPLAN_NVIM_OUT is not set\n')
    return
  end
  local file = assert(io.open(out, 'w'))
  file:write(vim.fn.json_encode(value))
  file:close()
end

local client_id
local client_error

local function fail(message)
  io.stderr:write('drplan.lua: ' .. message .. '\n')
  write({ error = message })
  if client_id then vim.lsp.stop_client(client_id, true) end -- force: kill a server that hangs
  vim.cmd('2cquit!')
end

-- Filetype: vim.filetype.add exists from 0.7 on, but 0.7 only consults it with g:do_filetype_lua = 1
-- (the default from 0.8 on). The autocmd is the fallback for older versions.
if vim.filetype and vim.filetype.add then
  vim.g.do_filetype_lua = 1
  vim.filetype.add({ pattern = { ['.*%.drplan%.ya?ml'] = 'drplan' } })
else
  vim.cmd([[autocmd BufRead,BufNewFile *.drplan.yaml,*.drplan.yml setlocal filetype=drplan]])
end

local function start_client()
  if client_id then return client_id end
  local init_options = { locale = locale }
  if today and today ~= '' then init_options.today = today end
  client_id = vim.lsp.start_client({
    name = 'drplan',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    init_options = init_options,
    on_error = function(code, err)
      client_error = 'client error ' .. tostring(code) .. ': ' .. vim.inspect(err)
    end,
    on_exit = function(code, signal)
      if code ~= 0 or signal ~= 0 then
        client_error = 'server exited with code ' .. tostring(code) .. ', signal ' .. tostring(signal)
      end
    end,
  })
  return client_id
end

-- 0.7 has no vim.lsp.start: start the client once and attach every drplan buffer to it.
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'drplan',
  callback = function(args)
    local id = start_client()
    if id then vim.lsp.buf_attach_client(args.buf, id) end
  end,
})

local function run()
  if not plan or plan == '' then return fail('DRPLAN_NVIM_PLAN is not set') end
  if not out or out == '' then return fail('DRPLAN_NVIM_OUT is not set') end
  if vim.fn.filereadable(server) ~= 1 then return fail('no server at ' .. server .. ' (run npm run build)') end
  if vim.fn.bufnr('%') ~= vim.fn.bufnr(plan) or vim.fn.bufnr(plan) == -1 then
    vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local filetype = vim.bo[bufnr].filetype
  if filetype ~= 'drplan' then return fail('filetype of ' .. plan .. ' is "' .. filetype .. '", not "drplan"') end
  if not client_id then return fail('the language client did not start') end

  local arrived = vim.wait(timeout, function()
    return client_error ~= nil or #vim.diagnostic.get(bufnr) > 0
  end, 20)
  if client_error then return fail(client_error) end
  if not arrived then return fail('no diagnostics within ' .. timeout .. ' ms for ' .. plan) end

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    diagnostics[#diagnostics + 1] = {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code,
      user_data = d.user_data and d.user_data.lsp and { lsp = { code = d.user_data.lsp.code } } or nil,
    }
  end
  write({ filetype = filetype, diagnostics = diagnostics })

  -- Shut the server down before leaving, so no node process outlives nvim.
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true, -- so that `:edit` in run() fires BufRead and FileType
  callback = function()
    local ok, err = pcall(run)
    if not ok then fail(tostring(err)) end
  end,
})
