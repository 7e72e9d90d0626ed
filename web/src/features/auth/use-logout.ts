import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api } from "../../lib/api.ts";
import { errorMessage } from "../../lib/forms.ts";
import { meQueryKey } from "./current-user.ts";

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/api/auth/logout"),
    onSuccess: () => {
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      // Replaces the guard's redirect, which would otherwise offer to come back to this page after the next login.
      void navigate("/login", { replace: true });
    },
    onError: (error) => notifications.show({ color: "red", message: errorMessage(error) }),
  });
}
