# Names generate-manual's mdoc pages as git's are named: `bcd boot` is bcd-boot(1), so that
# `man bcd-boot` finds it and man-db's whatis parser (lexgrog) reads its NAME line, which it
# cannot when .Nm is a quoted "bcd boot". The command as typed stays in the SYNOPSIS and the
# other bare .Nm lines; cross references (.Xr bcd.boot 1) follow the new names.
/^\.Dt / { name = $2; gsub(/\./, "-", name); print ".Dt " name " " $3; next }
/^\.Nm "/ && !named { typed = substr($0, 5); page = typed; gsub(/"/, "", page); gsub(/ /, "-", page); print ".Nm " page; named = 1; next }
/^\.Nm$/ && typed != "" { print ".Nm " typed; next }
/^\.Xr bcd\./ { sub(/^\.Xr bcd\./, ".Xr bcd-"); gsub(/\./, "-", $2); print; next }
{ print }
